#!/usr/bin/env bash
# Issue 6's target (docs/benchmarks.md, "Verification page"): the public page a QR code opens, GET /verify/{code},
# answers in under 50 ms at the 95th percentile. For each database:
#   1. starts the packaged Pana (-Xmx1g, --demo, a free port) with pana.credentials.verify.per-minute raised to
#      PER_MINUTE (the limit is per client address, and every request here comes from 127.0.0.1; 30 by default),
#   2. as registration.officer (bearer token) creates a person with a photo, lodges and registers an asylum application
#      and issues an asylum-seeker certificate from it (the demo data has no registered application),
#   3. times, sequentially after a warm-up, GET /verify/{code} (the HTML page, no cookies, as a phone opens it), the
#      holder's photo the page links (GET /verify/{code}/photo) and a forged code (one payload character changed:
#      the signature check runs and fails, "not genuine") with bench/speed VerifyPageTimer,
#   4. stops Pana, deletes the H2 files / drops the PostgreSQL database and role, and prints a summary with the load
#      average before and after.
# It writes nothing into docs/. With postgres in DATABASES it runs as root (it creates the database with
# runuser -u postgres; PostgreSQL 15/main must be running: pg_ctlcluster 15 main start).
#
# Usage: bench/verify-page.sh
# Env:   SKIP_BUILD=1             use target/pana.jar as it is
#        DATABASES="h2 postgres"  a subset to run (default h2 postgres)
#        SAMPLES=500 WARMUP=200   timed and warm-up rounds (each round: page, photo, forged code)
#        PER_MINUTE=1000000       pana.credentials.verify.per-minute for the run
#        KEEP=1                   keep the work folder (logs, H2 files) at the end
#        PANA_JAVA_OPTS=...       more JVM options for Pana, e.g. a flight recording to see where the time goes:
#                                 "-XX:StartFlightRecording=filename=/tmp/verify.jfr,settings=profile,dumponexit=true"
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
DATABASES=${DATABASES:-h2 postgres}
SAMPLES=${SAMPLES:-500}
WARMUP=${WARMUP:-200}
PER_MINUTE=${PER_MINUTE:-1000000}
PG_DB=pana_bench_verify
ROLE=pana_bench_verify
speed="$root/bench/speed/speed.sh"

[[ " $DATABASES " != *" postgres "* ]] || [ "$(id -u)" -eq 0 ] || { echo "run as root (runuser -u postgres)" >&2; exit 2; }
as_postgres() { runuser -u postgres -- "$@"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port" >&2; exit 2
}

work=$(mktemp -d /tmp/pana-verify-page.XXXXXX)
results="$work/results.txt"
: > "$results"
pana_pid=""
PG_PORT=""
stop_pana() {
  if [ -n "$pana_pid" ] && kill -0 "$pana_pid" 2>/dev/null; then kill "$pana_pid" 2>/dev/null || true; wait "$pana_pid" 2>/dev/null || true; fi
  pana_pid=""
}
drop_pg() {
  [ -n "$PG_PORT" ] || return 0
  as_postgres psql -q -p "$PG_PORT" -d postgres -c "DROP DATABASE IF EXISTS $PG_DB" -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1 || true
}
cleanup() {
  stop_pana
  drop_pg
  if [ "${KEEP:-}" = 1 ]; then echo "KEEP=1: work files in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "==== Machine"
echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)   commit: $(git rev-parse --short HEAD 2>/dev/null) ($(git rev-parse --abbrev-ref HEAD 2>/dev/null))"
echo "cores:   $(nproc), load average $(loadavg), memory $(free -g | awk '/Mem:/ {print $2}') GB"
echo "java:    $(java -version 2>&1 | head -1)"
load_before=$(loadavg)

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "==== Build (./mvnw -q -DskipTests package)"
  ./mvnw -q -DskipTests package
fi
[ -f target/pana.jar ] || { echo "no target/pana.jar" >&2; exit 2; }

# start_pana NAME: starts Pana with the environment/arguments in DB_ENV and DB_ARGS, waits until it is UP.
start_pana() {
  local name=$1
  PANA_PORT=$(free_port)
  # shellcheck disable=SC2086 # DB_ENV, PANA_JAVA_OPTS and DB_ARGS are word lists
  (cd "$work" && exec env $DB_ENV java -Xmx1g ${PANA_JAVA_OPTS:-} -jar "$root/target/pana.jar" --demo --server.port="$PANA_PORT" \
      --pana.credentials.verify.per-minute="$PER_MINUTE" $DB_ARGS > "$work/pana-$name.log" 2>&1) &
  pana_pid=$!
  for _ in $(seq 1 300); do
    if curl -fsS --max-time 2 "http://127.0.0.1:$PANA_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then return 0; fi
    kill -0 "$pana_pid" 2>/dev/null || { echo "Pana exited; its log:" >&2; tail -40 "$work/pana-$name.log" >&2; exit 1; }
    sleep 1
  done
  echo "Pana is not UP after 300 s" >&2; tail -40 "$work/pana-$name.log" >&2; exit 1
}

run_database() {
  local db=$1 start
  case "$db" in
    h2)
      DB_ENV=""
      DB_ARGS="--spring.datasource.url=jdbc:h2:file:$work/h2/pana;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE"
      ;;
    postgres)
      PG_PORT=$(pg_lsclusters --no-header 15 main | awk '{print $3}')
      pg_isready -q -h localhost -p "$PG_PORT" || { echo "PostgreSQL 15/main is not running (pg_ctlcluster 15 main start)" >&2; exit 2; }
      PG_PASSWORD="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
      drop_pg
      as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres \
        -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PG_PASSWORD'" -c "CREATE DATABASE $PG_DB OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0"
      as_postgres psql -Atq -p "$PG_PORT" -d postgres -c "SELECT version()" | cut -c1-60
      DB_ENV="PANA_DB_URL=jdbc:postgresql://localhost:$PG_PORT/$PG_DB PANA_DB_USER=$ROLE PANA_DB_PASSWORD=$PG_PASSWORD"
      DB_ARGS=""
      ;;
    *) echo "unknown database $db (h2 or postgres)" >&2; exit 2 ;;
  esac
  echo "==== $db: start Pana (load average $(loadavg))"
  start=$(date +%s)
  start_pana "$db"
  echo "Pana on port $PANA_PORT (pid $pana_pid), UP in $(( $(date +%s) - start )) s; log $work/pana-$db.log"
  echo "==== $db: issue a certificate and time the verification page (load average $(loadavg))"
  "$speed" VerifyPageTimer --pana "http://127.0.0.1:$PANA_PORT" --samples "$SAMPLES" --warmup "$WARMUP" 2>&1 | tee "$work/timer-$db.log"
  grep '^RESULT' "$work/timer-$db.log" | sed "s/^RESULT verify-page/RESULT $db/" >> "$results" || true
  echo "(load average now $(loadavg); Pana RSS $(ps -o rss= -p "$pana_pid" 2>/dev/null | awk '{printf "%.0f MB", $1/1024}');" \
    "$(grep -c ' ERROR ' "$work/pana-$db.log" || true) ERROR lines in its log)"
  stop_pana
  if [ "$db" = postgres ]; then drop_pg; fi
  rm -rf "$work/h2"
}

for db in $DATABASES; do run_database "$db"; done

echo
echo "==== Summary: $SAMPLES timed rounds after $WARMUP, $(date -u +%Y-%m-%dT%H:%M:%SZ), load average before $load_before, after $(loadavg)"
sed 's/^RESULT /  /' "$results"
