#!/usr/bin/env bash
# Cold start of the packaged Pana: seconds from process start to /actuator/health answering UP, each
# run on a fresh H2 file database in a temporary folder. Builds nothing: package first with
#   ./mvnw -q -DskipTests package
# Usage: bench/cold-start.sh [RUNS]          (default 5)
# Env:   PANA_JAR (default target/pana.jar), JAVA (default java), JAVA_OPTS (JVM options, e.g. -XX:TieredStopAtLevel=1),
#        PANA_ARGS (extra app arguments, e.g. --demo), TIMEOUT seconds per run (default 180)
# Prints, per run, the wall-clock seconds to UP and the CPU seconds (user + system) the JVM had used by
# then: on a shared, noisy machine the CPU seconds move much less than the wall clock.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${1:-5}
JAR=$(realpath "${PANA_JAR:-target/pana.jar}")
JAVA=${JAVA:-java}
TIMEOUT=${TIMEOUT:-180}
[ -f "$JAR" ] || { echo "No $JAR: run ./mvnw -q -DskipTests package first." >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port" >&2; exit 2
}

median() {
  local sorted count a b
  sorted=$(printf '%s\n' "$@" | sort -n); count=$#
  if [ $((count % 2)) -eq 1 ]; then
    echo "$sorted" | sed -n "$((count / 2 + 1))p"
  else
    a=$(echo "$sorted" | sed -n "$((count / 2))p"); b=$(echo "$sorted" | sed -n "$((count / 2 + 1))p")
    awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (a + b) / 2 }'
  fi
}

pid=""
work=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$work" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

echo "jar:     $JAR ($(du -h "$JAR" | cut -f1))"
echo "java:    $("$JAVA" -version 2>&1 | head -1)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "options: ${JAVA_OPTS:-(none)} ${PANA_ARGS:-}"
echo "runs:    $RUNS (fresh H2 file database each, health polled every 0.1 s)"

ticks=$(getconf CLK_TCK)
times=()
cpus=()
for run in $(seq 1 "$RUNS"); do
  work=$(mktemp -d /tmp/pana-cold-start.XXXXXX)
  port=$(free_port)
  start=$(date +%s.%N)
  deadline=$((SECONDS + TIMEOUT))
  # shellcheck disable=SC2086 # JAVA_OPTS and PANA_ARGS are word lists
  (cd "$work" && exec "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$port" \
      "--spring.datasource.url=jdbc:h2:file:$work/data/pana;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
      ${PANA_ARGS:-} > "$work/pana.log" 2>&1) &
  pid=$!
  while :; do
    # Only ask for health once the port accepts connections: a poll that forks curl, grep and awk ten times
    # a second costs the starting JVM a noticeable share of a 2-core machine.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null \
        && curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      up=$(date +%s.%N)
      cpu=$(awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$pid/stat")
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "run $run: Pana exited before it was UP; its log:" >&2; tail -40 "$work/pana.log" >&2; exit 1; fi
    if [ "$SECONDS" -gt "$deadline" ]; then
      echo "run $run: not UP after $TIMEOUT s" >&2; tail -40 "$work/pana.log" >&2; exit 1
    fi
    sleep 0.1
  done
  seconds=$(awk -v up="$up" -v start="$start" 'BEGIN { printf "%.2f", up - start }')
  spring=$(grep -o 'Started PanaApplication in [0-9.]* seconds (process running for [0-9.]*)' "$work/pana.log" || true)
  echo "run $run: ${seconds} s (CPU ${cpu} s)   [${spring:-no Started line}]"
  times+=("$seconds")
  cpus+=("$cpu")
  cleanup; pid=""; work=""
done

echo "all:     ${times[*]}"
echo "CPU:     ${cpus[*]}"
echo "median:  $(median "${times[@]}") s to UP (CPU $(median "${cpus[@]}") s)"
