#!/usr/bin/env bash
# C-STORE throughput of the archive against its reference peers, loopback, one run each:
#   DCMTK storescu -> DCMTK storescp (files only, no index)
#   DCMTK storescu -> Orthanc (Debian package, SQLite index, fresh per run)
#   DCMTK storescu -> Arca (file system fs1 + PostgreSQL, fresh tables per run)
# first over 1 association (all N files), then over 4 associations in parallel (N/4 each).
# Payload: N synthetic CT images of 0.5 MB (tools/bench/gen-ct.sh), generated once in WORKDIR.
# Runs in a network namespace of its own (root; Arca's ports are fixed), so it does not
# disturb, or wait for, other archives or test suites on the machine.
# Usage: [ARCA_BENCH_PEERS=0] bench/archive-store-bench.sh [WORKDIR=/tmp/arca-archive-bench] [N=500]
# Needs: a built ear (./arca build), dcmtk, orthanc, postgresql, gcc, perl, bc, curl.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -z "${ARCA_IN_NETNS:-}" ]; then
  exec unshare -n env ARCA_IN_NETNS=1 bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
. "$ROOT/scripts/peers.sh"
W=$(mkdir -p "${1:-/tmp/arca-archive-bench}" && cd "${1:-/tmp/arca-archive-bench}" && pwd); N=${2:-500}
chmod 755 "$W"
export TCP_NODELAY=1   # Debian's DCMTK leaves Nagle on otherwise (~44 ms per C-STORE)
TOOLS=/work/shared/tools
[ -f "$ROOT/ear/target/arca.ear" ] || { echo "build first: ./arca build" >&2; exit 2; }

[ -d "$W/data" ] || "$ROOT/tools/bench/gen-ct.sh" "$W/data" $(( (N + 99) / 100 )) 100 2 > /dev/null
# Warm-up: 100 images stored ARCA_BENCH_WARM_ROUNDS times (default 30; the index emptied
# between rounds) before the measured runs. Most of the store path runs once per object, and
# HotSpot compiles a method with C2 only after ~5,000 calls: with 100 or even 1,000 warm-up
# stores the compiler threads still used 0.7-1 s of CPU during the measured 500 (a third of
# the archive's CPU time), measuring a JVM that had just started rather than a running archive.
[ -d "$W/warm" ] || "$ROOT/tools/bench/gen-ct.sh" "$W/warm" 1 100 2 > /dev/null
mapfile -t files < <(find "$W/data" -name '*.dcm' | sort | head -n "$N")
mapfile -t warm < <(find "$W/warm" -name '*.dcm' | sort)
bytes=$(printf '%s\0' "${files[@]}" | xargs -0 stat -c %s | awk '{s+=$1} END {print s}')
echo "payload: ${#files[@]} files, $bytes bytes; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$W/orth/orthanc.pid" ] && "$TOOLS/orthanc-stop.sh" "$W/orth" >/dev/null 2>&1 || true
  stop_postgres "$W/pg"
}
trap cleanup EXIT
wait_port() { for _ in $(seq 1 600); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# $1 AET, $2 port, then "1" or "4" associations; prints seconds
send() {
  local aet=$1 port=$2 n=$3 t0 t1 i ps=()
  t0=$(now)
  if [ "$n" = 1 ]; then
    storescu -aec "$aet" 127.0.0.1 "$port" "${files[@]}"
  else
    local per=$(( (${#files[@]} + n - 1) / n ))
    for i in $(seq 0 $((n - 1))); do
      storescu -aec "$aet" 127.0.0.1 "$port" "${files[@]:$((i * per)):$per}" & ps+=($!)
    done
    for p in "${ps[@]}"; do wait "$p"; done
  fi
  t1=$(now)
  echo "$t1 - $t0" | bc
}

# user + system CPU seconds of a process so far (all its threads)
cpu_secs() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }
# ARCA_BENCH_THREADS=1: CPU per thread name (digits folded) of Arca's JVM during each run
thread_cpu() { for f in /proc/"$1"/task/*; do
  printf '%s\t%s\n' "$(sed 's/[0-9]\+/N/g' "$f/comm")" "$(awk '{ print $14 + $15 }' "$f/stat")"; done 2>/dev/null; }
jvm_counters() { jcmd "$1" PerfCounter.print 2>/dev/null | grep -E '^(java.cls.loadedClasses|sun.ci.totalCompiles|sun.cls.defineAppClassTime)=' | tr '\n' ' '; }
thread_delta() { awk -F'\t' -v t="$(getconf CLK_TCK)" 'FNR == NR { b[$1] += $2; next } { a[$1] += $2 }
  END { for (k in a) if (a[k] - b[k] > 0) printf "    %-28s %6.2f s\n", k, (a[k] - b[k]) / t }' "$1.before" "$1.after" | sort -k2 -nr -t$'\t' | sort -k2 -gr | head -15; }
declare -A secs
report() { # key, stored count
  [ "$2" -eq "${#files[@]}" ] || echo "  !! $1: only $2 of ${#files[@]} stored" >&2
  awk -v n="$1" -v t="${secs[$1]}" -v c="${#files[@]}" -v b="$bytes" \
    'BEGIN { printf "%-22s %7.2f s  %6.0f inst/s  %7.1f MB/s\n", n, t, c/t, b/t/1e6 }'
}

# --- DCMTK storescp (ARCA_BENCH_PEERS=0: Arca only, e.g. to repeat its run)
peers=( $( [ "${ARCA_BENCH_PEERS:-1}" = 0 ] || echo 1 4 ) )
for a in "${peers[@]}"; do
  rm -rf "$W/scp"; mkdir -p "$W/scp"
  storescp -aet STORESCP -od "$W/scp" 11113 > "$W/storescp.log" 2>&1 & pid=$!; pids+=("$pid")
  wait_port 11113
  secs[storescp/$a]=$(send STORESCP 11113 $a)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  report storescp/$a "$(find "$W/scp" -type f | wc -l)"
done

# --- Orthanc (fresh storage and index each run)
for a in "${peers[@]}"; do
  rm -rf "$W/orth"; "$TOOLS/orthanc-start.sh" "$W/orth" 4242 8042 > /dev/null
  secs[orthanc/$a]=$(send ORTHANC 4242 $a)
  got=$(curl -s http://127.0.0.1:8042/statistics | sed -n 's/.*"CountInstances" : \([0-9]*\).*/\1/p')
  "$TOOLS/orthanc-stop.sh" "$W/orth" > /dev/null
  report orthanc/$a "$got"
done

# --- Arca on fs1 + PostgreSQL
rm -rf "$W/pg"; start_postgres "$W/pg" 2>/dev/null
psql_arca() { PGPASSWORD=arca psql -qtAX -h 127.0.0.1 -p "$PG_PORT" -U arca arca -c "$1"; }
rm -rf "$W/arca"
ARCA_DATA_DIR="$W/arca" ARCA_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/arca" ARCA_DB_USER=arca \
  ARCA_DB_PASSWORD=arca "$ROOT/scripts/server.sh" -Djboss.as.management.blocking.timeout=1200 \
  -Darca.store.phases=100 > "$W/arca.log" 2>&1 & pid=$!; pids+=("$pid")
for _ in $(seq 1 900); do
  curl -sf http://127.0.0.1:8080/dcm4chee-arc/health > /dev/null 2>&1 && break; sleep 1
done
wait_port 11112 || { echo "Arca did not start: $W/arca.log" >&2; exit 1; }
jvm=$(pgrep -P "$pid" java | head -1 || true)   # this run's JVM (other archives may run on the machine)
for _ in $(seq 1 "${ARCA_BENCH_WARM_ROUNDS:-30}"); do   # warm-up (JIT, pools): not measured
  storescu -aec DCM4CHEE 127.0.0.1 11112 "${warm[@]}"
  psql_arca "TRUNCATE location, instance, series, study, patient"; rm -rf "$W/arca/fs1"
done
# ... and until the JIT's queue has drained: on 2 cores one C2 thread was still compiling ~1,000
# methods during the measured runs after 3,000 warm-up stores (WildFly's code is large)
compiles() { jcmd "$jvm" PerfCounter.print 2>/dev/null | sed -n 's/^sun.ci.totalCompiles=//p'; }
last=$(compiles); quiet=0
for _ in $(seq 1 180); do
  sleep 1; now_c=$(compiles)
  if [ "$now_c" = "$last" ]; then quiet=$((quiet + 1)); [ "$quiet" -ge 3 ] && break; else quiet=0; last=$now_c; fi
done
# ARCA_BENCH_JFR=FILE: a Flight Recorder profile of Arca's JVM over the measured stores

[ -n "${ARCA_BENCH_JFR:-}" ] && jcmd "$jvm" JFR.start name=bench settings="${ARCA_BENCH_JFC:-profile}" filename="$ARCA_BENCH_JFR" > /dev/null
for a in 1 4; do
  psql_arca "TRUNCATE location, instance, series, study, patient"
  rm -rf "$W/arca/fs1"
  c0=$(cpu_secs "$jvm"); [ -n "${ARCA_BENCH_THREADS:-}" ] && thread_cpu "$jvm" > "$W/threads.$a.before" && echo "  before: $(jvm_counters "$jvm")"
  secs[arca/$a]=$(send DCM4CHEE 11112 $a)
  report arca/$a "$(psql_arca 'SELECT COUNT(*) FROM instance')"
  [ -n "${ARCA_BENCH_THREADS:-}" ] && thread_cpu "$jvm" > "$W/threads.$a.after" && echo "  after: $(jvm_counters "$jvm")" && thread_delta "$W/threads.$a"
  echo "  Arca's JVM used $(echo "$(cpu_secs "$jvm") - $c0" | bc) s of CPU (user + system) for these"
done
[ -n "${ARCA_BENCH_JFR:-}" ] && jcmd "$jvm" JFR.stop name=bench > /dev/null
[ -n "${ARCA_BENCH_THREADS:-}" ] && jcmd "$jvm" Compiler.codecache | sed 's/^/  /'
[ -n "${ARCA_BENCH_THREADS:-}" ] && jcmd "$jvm" VM.flags -all | grep -E ' (ReservedCodeCacheSize|UseCodeCacheFlushing|TieredStopAtLevel|CICompilerCount|MaxHeapSize) ' | sed 's/^/  /'

kill "$pid"; wait "$pid" 2>/dev/null || true

for a in "${peers[@]}"; do
  awk -v a="$a" -v o="${secs[orthanc/$a]}" -v s="${secs[storescp/$a]}" -v x="${secs[arca/$a]}" 'BEGIN {
    printf "%d association(s): Arca/Orthanc %.2fx (goal >= 3), Arca/storescp %.2fx (goal >= 0.8)\n", a, o/x, s/x }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
