#!/usr/bin/env bash
# Issue 3's speed targets on PostgreSQL 15, end to end through HTTP (docs/benchmarks.md, "Registration speed"):
#   1. builds the jar, creates fresh databases (Pana's, and the raw peer's) in the local PostgreSQL 15 cluster,
#   2. starts Pana with -Xmx1g (--demo, a free port) and the raw peer (bench/speed RawPeer) on the same cluster,
#   3. generates the population (SIZE people, and 50,000 people who are never loaded),
#   4. loads SIZE people through POST /api/v1/persons/batch (arrays of 1,000, 3 in flight),
#   5. duplicate candidates and search latency (1 and 4 clients), the person page with 100 history
#      entries, single creates from 16 clients against the raw peer and Pana, the full duplicate scan,
#   6. stops everything, drops the databases and prints a summary. It writes nothing into docs/.
# Runs as root (like .ci/run), because it creates the databases with runuser -u postgres.
#
# Usage: bench/registration-speed.sh [SIZE]        (default 1000000; try 50000 first)
# Env:   SKIP_BUILD=1        use target/pana.jar as it is
#        SEED=42             population seed (the new people use SEED+1)
#        LOAD_CONCURRENCY=3  batches in flight;  CREATE_SECONDS=30, CREATE_WARMUP=60 for single creates (the JIT
#                            compiles Pana's create path for about a minute on 2 cores; the raw peer warms as long)
#        PHASES="load latency page creates scan"   a subset to run (load is needed by all the others); "removal"
#                            times the removal check (issue 4; not in the default list): PHASES="load removal" with 100000
#        KEEP=1              keep Pana, the raw peer and the databases running at the end (prints how to stop)
#        PANA_ARGS           extra arguments for Pana (e.g. --spring.datasource.hikari.maximum-pool-size=20)
#        GENERATE            command that writes the population, called as: $GENERATE --size N --seed S --out FILE
#                            (default: java -cp target/classes org.pana.population.GeneratePopulation)
# Generated files are cached in target/bench-speed/population/ (same size and seed = same file): delete that
# folder when the generator changes or after a trial with another GENERATE.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
SIZE=${1:-1000000}
SEED=${SEED:-42}
PHASES=${PHASES:-load latency page creates scan}
LOAD_CONCURRENCY=${LOAD_CONCURRENCY:-3}
CREATE_SECONDS=${CREATE_SECONDS:-30}
CREATE_WARMUP=${CREATE_WARMUP:-60}
NEW_PEOPLE=50000
PANA_DB=pana_bench
RAW_DB=pana_bench_raw
ROLE=pana_bench
speed="$root/bench/speed/speed.sh"

[ "$(id -u)" -eq 0 ] || { echo "run as root (the databases are created with runuser -u postgres)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }
as_postgres() { runuser -u postgres -- "$@"; }
has_phase() { [[ " $PHASES " == *" $1 "* ]]; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port" >&2; exit 2
}

work=$(mktemp -d /tmp/pana-registration-speed.XXXXXX)
results="$work/results.txt"
: > "$results"
pana_pid=""
raw_pid=""
stop_all() {
  for pid in $pana_pid $raw_pid; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  as_postgres psql -q -p "$PG_PORT" -d postgres -c "DROP DATABASE IF EXISTS $PANA_DB" -c "DROP DATABASE IF EXISTS $RAW_DB" \
      -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1 || true
}
cleanup() {
  if [ "${KEEP:-}" = 1 ]; then
    echo "KEEP=1: Pana (pid $pana_pid, port ${PANA_PORT:-}) and the raw peer (pid $raw_pid) still run; work files in $work."
    echo "Stop with: kill $pana_pid $raw_pid; then drop databases $PANA_DB, $RAW_DB and role $ROLE."
  else
    stop_all
  fi
}
trap cleanup EXIT

echo "==== Machine"
echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)   commit: $(git rev-parse --short HEAD 2>/dev/null) ($(git rev-parse --abbrev-ref HEAD 2>/dev/null))"
echo "cores:   $(nproc), load average $(loadavg), memory $(free -g | awk '/Mem:/ {print $2}') GB"
echo "java:    $(java -version 2>&1 | head -1)"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "==== Build (./mvnw -q -DskipTests package)"
  ./mvnw -q -DskipTests package
fi
[ -f target/pana.jar ] || { echo "no target/pana.jar" >&2; exit 2; }

echo "==== PostgreSQL 15: fresh databases $PANA_DB and $RAW_DB"
PG_PORT=$(pg_lsclusters --no-header 15 main | awk '{print $3}')
pg_isready -q -h localhost -p "$PG_PORT" || { echo "PostgreSQL 15/main is not running" >&2; exit 2; }
PG_PASSWORD="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres <<SQL
DROP DATABASE IF EXISTS $PANA_DB;
DROP DATABASE IF EXISTS $RAW_DB;
DROP ROLE IF EXISTS $ROLE;
CREATE ROLE $ROLE LOGIN PASSWORD '$PG_PASSWORD';
CREATE DATABASE $PANA_DB OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE $RAW_DB OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0;
SQL
as_postgres psql -Atq -p "$PG_PORT" -d postgres -c "SELECT version()" | cut -c1-60
as_postgres psql -Atq -p "$PG_PORT" -d postgres -c "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ' ') FROM pg_settings
  WHERE name IN ('shared_buffers', 'synchronous_commit', 'max_connections', 'work_mem', 'max_wal_size')"

echo "==== Start Pana (-Xmx1g) and the raw peer"
PANA_PORT=$(free_port)
RAW_PORT=$(free_port)
# shellcheck disable=SC2086 # PANA_ARGS is a word list
(cd "$work" && PANA_DB_URL="jdbc:postgresql://localhost:$PG_PORT/$PANA_DB?reWriteBatchedInserts=true" PANA_DB_USER=$ROLE PANA_DB_PASSWORD=$PG_PASSWORD \
  exec java -Xmx1g -jar "$root/target/pana.jar" --demo --server.port="$PANA_PORT" ${PANA_ARGS:-} > "$work/pana.log" 2>&1) &
pana_pid=$!
RAW_DB_PASSWORD=$PG_PASSWORD "$speed" RawPeer --db "jdbc:postgresql://localhost:$PG_PORT/$RAW_DB" --db-user $ROLE \
  --port "$RAW_PORT" --pool 16 --threads 16 > "$work/raw-peer.log" 2>&1 &
raw_pid=$!

echo "==== Population: $SIZE people (seed $SEED) and $NEW_PEOPLE new people (seed $((SEED + 1)))"
population="$root/target/bench-speed/population"
mkdir -p "$population"
people="$population/people-$SIZE-seed$SEED.jsonl"
newcomers="$population/new-people-$NEW_PEOPLE-seed$((SEED + 1)).jsonl"
GENERATE=${GENERATE:-java -Xmx1g -cp $root/target/classes org.pana.population.GeneratePopulation}
for spec in "$SIZE $SEED $people" "$NEW_PEOPLE $((SEED + 1)) $newcomers"; do
  read -r n s file <<< "$spec"
  if [ -s "$file" ]; then
    echo "$file: cached ($(wc -l < "$file") lines)"
  else
    start=$(date +%s)
    # shellcheck disable=SC2086 # GENERATE is a command line
    $GENERATE --size "$n" --seed "$s" --out "$file.part" && mv "$file.part" "$file"
    echo "$file: generated in $(( $(date +%s) - start )) s ($(wc -l < "$file") lines, $(du -h "$file" | cut -f1))"
  fi
done

for _ in $(seq 1 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PANA_PORT") 2>/dev/null \
      && curl -fsS --max-time 2 "http://127.0.0.1:$PANA_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then break; fi
  kill -0 "$pana_pid" 2>/dev/null || { echo "Pana exited; its log:" >&2; tail -40 "$work/pana.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$PANA_PORT/actuator/health" | grep -q UP || { echo "Pana is not UP" >&2; tail -40 "$work/pana.log" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$RAW_PORT/health" >/dev/null || { echo "raw peer is not up" >&2; cat "$work/raw-peer.log" >&2; exit 1; }
echo "Pana on port $PANA_PORT (pid $pana_pid), raw peer on port $RAW_PORT (pid $raw_pid); logs in $work"
pana="http://127.0.0.1:$PANA_PORT"

phase() { # name command... : runs one measurement, keeps its RESULT lines, never stops the run
  local name=$1; shift
  echo "==== $name (load average $(loadavg))"
  local start status=0
  start=$(date +%s)
  "$@" 2>&1 | tee "$work/$name.log" || status=$?
  grep '^RESULT' "$work/$name.log" >> "$results" || true
  [ "$status" -eq 0 ] || echo "RESULT $name FAILED (exit $status, see $work/$name.log)" | tee -a "$results"
  echo "($name took $(( $(date +%s) - start )) s; load average now $(loadavg); Pana RSS $(ps -o rss= -p "$pana_pid" 2>/dev/null | awk '{printf "%.0f MB", $1/1024}'))"
}

ids="$work/ids.csv"
if has_phase load; then
  phase batch-load "$speed" BatchLoader --pana "$pana" --file "$people" --ids "$ids" --batch 1000 --concurrency "$LOAD_CONCURRENCY"
fi
echo "registry: $(as_postgres psql -Atq -p "$PG_PORT" -d "$PANA_DB" -c "SELECT count(*) FROM registration_person" 2>/dev/null || echo '?') people"
# Latency before single creates: the creates write new people who must still be new for the probes.
if has_phase latency; then
  phase latency "$speed" LatencySampler --pana "$pana" --existing "$people" --ids "$ids" --new "$newcomers" \
    --probes 400 --warmup 200 --concurrency 1,4
fi
if has_phase removal; then
  phase removal-check "$speed" RemovalCheckTimer --pana "$pana" --ids "$ids" --samples 1000 --warmup 200 --grounds-every 10
fi
if has_phase page; then
  phase person-page "$speed" PersonPageTimer --pana "$pana" --ids "$ids" --edits 100 --samples 200 --warmup 30
fi
if has_phase creates; then
  phase single-creates "$speed" LoadClient --raw "http://127.0.0.1:$RAW_PORT" --pana "$pana" --bodies "$newcomers" \
    --count "$NEW_PEOPLE" --clients 16 --warmup "$CREATE_WARMUP" --duration "$CREATE_SECONDS"
fi
if has_phase creates; then
  # The duplicate check after each single create gives way while Pana is busy; time how long it takes to catch up.
  echo "==== duplicate checks after the creates (load average $(loadavg))"
  start=$(date +%s)
  waiting=$(as_postgres psql -Atq -p "$PG_PORT" -d "$PANA_DB" -c "SELECT count(*) FROM registration_duplicate_check")
  initial=$waiting
  while [ "$waiting" -gt 0 ] && [ $(( $(date +%s) - start )) -lt 1800 ]; do
    sleep 5
    waiting=$(as_postgres psql -Atq -p "$PG_PORT" -d "$PANA_DB" -c "SELECT count(*) FROM registration_duplicate_check")
  done
  echo "RESULT duplicate-checks-after-creates waiting=$initial caught-up-in=$(( $(date +%s) - start ))s left=$waiting" | tee -a "$results"
fi
if has_phase scan; then
  phase full-scan "$speed" ScanTimer --pana "$pana" --poll 5 --timeout 1800
fi

echo
echo "==== Summary: $SIZE people, $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(loadavg)"
sed 's/^RESULT /  /' "$results"
echo "Pana log: $(grep -c ' ERROR ' "$work/pana.log" || true) ERROR lines; full log $work/pana.log"
