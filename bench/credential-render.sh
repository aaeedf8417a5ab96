#!/usr/bin/env bash
# Issue 6: time to render a certificate PDF (target: p95 under 300 ms). Builds Pana's test classes, then runs
# org.pana.credentials.CredentialRenderBenchmark: WARM_UPS untimed renders, then COUNT timed ones, cycling through both
# certificate types, Kazakh/Russian/English, A4 and ID-1, with and without photo. Prints p50/p95/max; writes nothing.
#   bench/credential-render.sh [COUNT=200] [WARM_UPS=50]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-200}"
WARM_UPS="${2:-50}"
OFFLINE="${OFFLINE:--o}"

./mvnw -B -q $OFFLINE test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    org.pana.credentials.CredentialRenderBenchmark "$WARM_UPS" "$COUNT"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
