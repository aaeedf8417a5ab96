#!/usr/bin/env bash
# Matching quality on a generated population: ICU + Jaro-Winkler, Duke 1.2 and Pana on the same records.
#   bench/matching-quality.sh [size=20000] [seed=42]
# Builds bench/duke (its own Maven project: Duke 1.2 brings Lucene 4, kept off Pana's classpath) and Pana's
# test classes, then runs org.pana.matching.bench.MatchingQualityBenchmark. Writes target/matching-quality.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-20000}"
SEED="${2:-42}"
OFFLINE="${OFFLINE:--o}"

./mvnw -B -q $OFFLINE -f bench/duke/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
./mvnw -B -q $OFFLINE test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    org.pana.matching.bench.MatchingQualityBenchmark "$SIZE" "$SEED" target/matching-quality.md bench/duke
