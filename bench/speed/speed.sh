#!/usr/bin/env bash
# Compiles bench/speed (plain Java 17, only the JDK and the PostgreSQL JDBC driver) when its sources
# changed, then runs one of its programs:
#   bench/speed/speed.sh RawPeer|LoadClient|LatencySampler|BatchLoader|PersonPageTimer|ScanTimer [--options]
# The driver is the one Pana ships (BOOT-INF/lib of target/pana.jar), else the newest in ~/.m2.
# Env: JAVA_OPTS for the program's JVM (default -Xmx512m).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/target/bench-speed"
program=${1:?usage: bench/speed/speed.sh PROGRAM [--options]}
shift

driver=$(ls "$out"/lib/postgresql-*.jar 2>/dev/null | head -1 || true)
if [ -z "$driver" ]; then
  mkdir -p "$out/lib"
  if [ -f "$root/target/pana.jar" ] && unzip -Z1 "$root/target/pana.jar" 2>/dev/null | grep -q 'BOOT-INF/lib/postgresql-'; then
    (cd "$out/lib" && unzip -q -j -o "$root/target/pana.jar" 'BOOT-INF/lib/postgresql-*.jar')
  else
    cp "$(ls -v "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)" "$out/lib/"
  fi
  driver=$(ls "$out"/lib/postgresql-*.jar | head -1)
fi

sources=$(find "$root/bench/speed/src" -name '*.java')
stamp="$out/classes/.compiled"
if [ ! -f "$stamp" ] || [ -n "$(find "$root/bench/speed/src" -name '*.java' -newer "$stamp")" ]; then
  rm -rf "$out/classes" && mkdir -p "$out/classes"
  # shellcheck disable=SC2086 # one word per source file
  javac --release 17 -encoding UTF-8 -cp "$driver" -d "$out/classes" $sources
  touch "$stamp"
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a word list
exec java ${JAVA_OPTS:--Xmx512m} -cp "$out/classes:$driver" "org.pana.bench.speed.$program" "$@"
