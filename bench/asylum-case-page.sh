#!/usr/bin/env bash
# Issue 5's target (docs/benchmarks.md, "Asylum case page"): the case page with 50 history entries renders in under
# 200 ms at the 95th percentile, on H2 and on PostgreSQL, with 100,000 cases in the database. For each database:
#   1. starts the packaged Pana (-Xmx1g, --demo, a free port) once so Flyway migrates and the demo users and
#      organisations exist, then stops it,
#   2. seeds CASES asylum cases with bench/asylum-case-page/seed.sql (H2: org.h2.tools.RunScript from the H2 jar Pana
#      ships; PostgreSQL: psql), ten of them with exactly 50 history entries, interviews, an assessment and decisions,
#   3. starts Pana again, signs in as eligibility.officer (login form with CSRF, and a bearer token for the API) and
#      times GET /asylum/applications/{id} and GET /api/v1/asylum/applications/{id} sequentially over the ten cases
#      (bench/speed AsylumCasePageTimer), after a warm-up,
#   4. stops Pana, deletes the H2 files / drops the PostgreSQL database and role, and prints a summary.
# It writes nothing into docs/. Runs as root (like .ci/run), because it creates the database with runuser -u postgres.
#
# Usage: bench/asylum-case-page.sh [CASES]        (default 100000)
# Env:   SKIP_BUILD=1          use target/pana.jar as it is
#        DATABASES="h2 postgres"  a subset to run
#        SAMPLES=500 WARMUP=200   timed and warm-up rounds (each round: one page, then one API request)
#        KEEP=1                keep the work folder (logs, H2 files) at the end
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
CASES=${1:-100000}
DATABASES=${DATABASES:-h2 postgres}
SAMPLES=${SAMPLES:-500}
WARMUP=${WARMUP:-200}
PG_DB=pana_bench_case
ROLE=pana_bench_case
speed="$root/bench/speed/speed.sh"
timed=$(seq -f '00000000-0000-4000-8002-%012g' 1 10 | paste -sd, -)

[ "$CASES" -ge 10 ] || { echo "CASES must be at least 10 (the timed cases are 1..10)" >&2; exit 2; }
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

work=$(mktemp -d /tmp/pana-asylum-case-page.XXXXXX)
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

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "==== Build (./mvnw -q -DskipTests package)"
  ./mvnw -q -DskipTests package
fi
[ -f target/pana.jar ] || { echo "no target/pana.jar" >&2; exit 2; }
mkdir -p "$work/lib"
(cd "$work/lib" && unzip -q -j -o "$root/target/pana.jar" 'BOOT-INF/lib/h2-*.jar')
h2_jar=$(ls "$work"/lib/h2-*.jar | head -1)

# start_pana NAME: starts Pana with the environment/arguments in DB_ENV and DB_ARGS, waits until it is UP.
start_pana() {
  local name=$1
  PANA_PORT=$(free_port)
  # shellcheck disable=SC2086 # DB_ENV and DB_ARGS are word lists
  (cd "$work" && exec env $DB_ENV java -Xmx1g -jar "$root/target/pana.jar" --demo --server.port="$PANA_PORT" $DB_ARGS \
      > "$work/pana-$name.log" 2>&1) &
  pana_pid=$!
  for _ in $(seq 1 300); do
    if curl -fsS --max-time 2 "http://127.0.0.1:$PANA_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then return 0; fi
    kill -0 "$pana_pid" 2>/dev/null || { echo "Pana exited; its log:" >&2; tail -40 "$work/pana-$name.log" >&2; exit 1; }
    sleep 1
  done
  echo "Pana is not UP after 300 s" >&2; tail -40 "$work/pana-$name.log" >&2; exit 1
}

# seed SERIES RUNNER...: the seed script, after the line that fills bench_n, through RUNNER (reads a file argument).
seed_script() {
  { echo "CREATE TABLE bench_n (n INTEGER NOT NULL PRIMARY KEY);"; echo "$1"; cat "$root/bench/asylum-case-page/seed.sql"; } > "$work/seed.sql"
}

run_database() {
  local db=$1 count_sql
  echo "==== $db: migrate (first start), then stop"
  case "$db" in
    h2)
      H2_URL="jdbc:h2:file:$work/h2/pana;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE"
      DB_ENV=""
      DB_ARGS="--spring.datasource.url=$H2_URL"
      ;;
    postgres)
      PG_PORT=$(pg_lsclusters --no-header 15 main | awk '{print $3}')
      pg_isready -q -h localhost -p "$PG_PORT" || { echo "PostgreSQL 15/main is not running" >&2; exit 2; }
      PG_PASSWORD="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
      drop_pg
      as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres \
        -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PG_PASSWORD'" -c "CREATE DATABASE $PG_DB OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0"
      as_postgres psql -Atq -p "$PG_PORT" -d postgres -c "SELECT version()" | cut -c1-60
      DB_ENV="PANA_DB_URL=jdbc:postgresql://localhost:$PG_PORT/$PG_DB PANA_DB_USER=$ROLE PANA_DB_PASSWORD=$PG_PASSWORD"
      DB_ARGS=""
      ;;
  esac
  local start
  start=$(date +%s)
  start_pana "$db-migrate"
  stop_pana
  echo "(migrated and demo data in $(( $(date +%s) - start )) s)"

  echo "==== $db: seed $CASES cases (load average $(loadavg))"
  start=$(date +%s)
  count_sql="SELECT (SELECT count(*) FROM asylum_application) AS applications, (SELECT count(*) FROM asylum_application_event) AS events,
    (SELECT count(*) FROM asylum_certificate) AS certificates, (SELECT count(*) FROM asylum_interview) AS interviews,
    (SELECT count(*) FROM asylum_decision) AS decisions, (SELECT count(*) FROM registration_person) AS people;"
  case "$db" in
    h2)
      seed_script "INSERT INTO bench_n SELECT * FROM SYSTEM_RANGE(1, $CASES);"
      echo "$count_sql" >> "$work/seed.sql"
      java -cp "$h2_jar" org.h2.tools.RunScript -url "$H2_URL" -user pana -script "$work/seed.sql" -showResults > "$work/seed-$db.log" 2>&1 \
        || { grep -v '^\sat ' "$work/seed-$db.log" | tail -20 >&2; exit 1; }
      echo "applications events certificates interviews decisions people" | tee "$work/counts-$db.txt"
      grep '^-->' "$work/seed-$db.log" | tail -1 | tee -a "$work/counts-$db.txt"
      ;;
    postgres)
      seed_script "INSERT INTO bench_n SELECT n FROM generate_series(1, $CASES) AS g(n);"
      echo "ANALYZE registration_person; ANALYZE registration_person_name; ANALYZE registration_person_nationality; ANALYZE asylum_application; ANALYZE asylum_application_event; ANALYZE asylum_certificate; ANALYZE asylum_interview; ANALYZE asylum_assessment; ANALYZE asylum_decision;" >> "$work/seed.sql"
      PGPASSWORD=$PG_PASSWORD psql -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U "$ROLE" -d "$PG_DB" -f "$work/seed.sql"
      PGPASSWORD=$PG_PASSWORD psql -h localhost -p "$PG_PORT" -U "$ROLE" -d "$PG_DB" -c "$count_sql" | tee "$work/counts-$db.txt"
      ;;
  esac
  echo "(seeded in $(( $(date +%s) - start )) s)"

  echo "==== $db: start Pana again and time the case page (load average $(loadavg))"
  start_pana "$db"
  echo "Pana on port $PANA_PORT (pid $pana_pid); log $work/pana-$db.log"
  "$speed" AsylumCasePageTimer --pana "http://127.0.0.1:$PANA_PORT" --cases "$timed" --samples "$SAMPLES" --warmup "$WARMUP" \
    --history 50 2>&1 | tee "$work/timer-$db.log"
  grep '^RESULT' "$work/timer-$db.log" | sed "s/^RESULT asylum-case-page/RESULT $db/" >> "$results" || true
  echo "(load average now $(loadavg); Pana RSS $(ps -o rss= -p "$pana_pid" 2>/dev/null | awk '{printf "%.0f MB", $1/1024}');" \
    "$(grep -c ' ERROR ' "$work/pana-$db.log" || true) ERROR lines in its log)"
  stop_pana
  if [ "$db" = postgres ]; then drop_pg; fi
  rm -rf "$work/h2"
}

for db in $DATABASES; do run_database "$db"; done

echo
echo "==== Summary: $CASES cases (10 timed, 50 history entries each), $SAMPLES timed rounds after $WARMUP, $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(loadavg)"
sed 's/^RESULT /  /' "$results"
