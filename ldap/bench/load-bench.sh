#!/usr/bin/env bash
# Benchmark (not a unit test): load a device with 1,000 AEs and 100 exporters from the embedded
# ApacheDS. Builds ldap and what it needs in the reactor (no `mvn install`), then runs
# org.arca.ldap.bench.ConfigLoadBenchmark once and prints the load average next to the figures.
# usage: ldap/bench/load-bench.sh [port]   (default 10390, on 127.0.0.1)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
mvn -o -q -pl ldap -am test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -o -q -pl ldap dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
# arca-dicom from the reactor's target, not from ~/.m2
cp="ldap/target/test-classes:ldap/target/classes:dicom/target/classes:$(cat "$cp_file")"
echo "before: $(uptime)"
java -cp "$cp" org.arca.ldap.bench.ConfigLoadBenchmark "$@"
echo "after:  $(uptime)"
