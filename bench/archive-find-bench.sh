#!/usr/bin/env bash
# C-FIND latency of the archive at study level by Patient ID with 1,000,000 instances indexed
# (10,000 patients x 10 studies x 10 instances, generated straight into PostgreSQL by
# bench/gen-index.sql), measured over one association by bench/FindBench.java (p50/p95/p99).
# Runs in a network namespace of its own (root), like archive-store-bench.sh.
# Usage: bench/archive-find-bench.sh [WORKDIR=/tmp/arca-find-bench] [PATIENTS=10000] [QUERIES=1000]
# Needs: a built ear and arca-dicom jar (./arca build), postgresql, a JDK, curl.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -z "${ARCA_IN_NETNS:-}" ]; then
  exec unshare -n env ARCA_IN_NETNS=1 bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
. "$ROOT/scripts/peers.sh"
W=$(mkdir -p "${1:-/tmp/arca-find-bench}" && cd "${1:-/tmp/arca-find-bench}" && pwd)
PATIENTS=${2:-10000}; Q=${3:-1000}
chmod 755 "$W"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; stop_postgres "$W/pg"' EXIT
rm -rf "$W/pg" "$W/arca"
start_postgres "$W/pg" 2>/dev/null
ARCA_DATA_DIR="$W/arca" ARCA_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/arca" ARCA_DB_USER=arca \
  ARCA_DB_PASSWORD=arca "$ROOT/scripts/server.sh" -Djboss.as.management.blocking.timeout=1200 > "$W/arca.log" 2>&1 & pids+=($!)
for _ in $(seq 1 900); do
  (echo > /dev/tcp/127.0.0.1/11112) 2>/dev/null && break; sleep 1
done
t0=$(date +%s)
PGPASSWORD=arca psql -qX -h 127.0.0.1 -p "$PG_PORT" -U arca arca -v patients="$PATIENTS" -f "$ROOT/bench/gen-index.sql" > /dev/null
echo "generated $((PATIENTS * 100)) instances in $(( $(date +%s) - t0 )) s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
PGPASSWORD=arca psql -qtAX -h 127.0.0.1 -p "$PG_PORT" -U arca arca -c \
  "EXPLAIN ANALYZE SELECT st.pk FROM study st JOIN patient p ON p.pk = st.patient_fk WHERE p.pat_id = 'P0000042' ORDER BY st.pk" | sed 's/^/  plan: /'
java -cp "$ROOT/dicom/target/arca-dicom-0.1.0-SNAPSHOT.jar" "$ROOT/bench/FindBench.java" 127.0.0.1 11112 DCM4CHEE "$PATIENTS" "$Q"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
