#!/usr/bin/env bash
# security.md #12: a wrong password for an existing user and any password for an unknown user must take
# the same time, or response times would tell which usernames exist. Starts the packaged Pana with demo
# users on a fresh H2 database (throttling raised so it does not cut in), then sends N token requests of
# each kind, interleaved, and prints the median response times and their difference.
# Usage: ./mvnw -q -DskipTests package && bench/sign-in-timing.sh [N]     (default 200)
set -euo pipefail

cd "$(dirname "$0")/.."
N=${1:-200}
JAR=$(realpath "${PANA_JAR:-target/pana.jar}")
[ -f "$JAR" ] || { echo "No $JAR: run ./mvnw -q -DskipTests package first." >&2; exit 2; }
work=$(mktemp -d /tmp/pana-sign-in.XXXXXX)
port=$((20000 + RANDOM % 20000))
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

(cd "$work" && exec java -jar "$JAR" --demo --server.port="$port" --pana.login.max-failures=1000000 \
    "--spring.datasource.url=jdbc:h2:file:$work/data/pana;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    > "$work/pana.log" 2>&1) &
pid=$!
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP && break
  sleep 1
done

attempt() { # username → seconds and status of one token request with a wrong password
  curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -X POST "http://127.0.0.1:$port/api/v1/auth/token" \
    -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"not-the-password\"}"
}
# Warm up both paths (JIT), then measure, interleaved so machine noise hits both alike.
for i in $(seq 1 20); do attempt statistician >/dev/null; attempt "warm-$i" >/dev/null; done
: > "$work/existing"; : > "$work/unknown"
for i in $(seq 1 "$N"); do
  attempt statistician >> "$work/existing"
  attempt "nobody-$i" >> "$work/unknown"
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
statuses() { awk '{ print $2 }' "$1" | sort | uniq -c | tr '\n' ' '; }
existing=$(awk '{ print $1 }' "$work/existing" | median)
unknown=$(awk '{ print $1 }' "$work/unknown" | median)
echo "requests:        $N of each kind, interleaved, after 20 warm-up pairs"
echo "statuses:        existing user: $(statuses "$work/existing")| unknown user: $(statuses "$work/unknown")"
echo "median existing: ${existing} s"
echo "median unknown:  ${unknown} s"
awk -v a="$existing" -v b="$unknown" 'BEGIN { d = (a > b ? a - b : b - a) / (a > b ? a : b) * 100; printf "difference:      %.1f %% (security.md #12 asks for < 10 %%)\n", d }'
