#!/usr/bin/env bash
# C-STORE benchmark, loopback, one association per run, median of 3 runs:
#   A) DCMTK storescu -> DCMTK storescp
#   B) DCMTK storescu -> our storescp
#   C) our storescu   -> DCMTK storescp
# Payload: N synthetic CT images of 0.5 MB (gen-ct.sh, dump2dcm), generated once into WORKDIR/data.
# Usage: tools/bench/store-bench.sh [WORKDIR=/tmp/arca-store-bench] [N=500]
# Needs: dcmtk, gcc, perl, bc, a JDK; builds the tools with Maven when the jar is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
W=$(mkdir -p "${1:-/tmp/arca-store-bench}" && cd "${1:-/tmp/arca-store-bench}" && pwd); N=${2:-500}
export TCP_NODELAY=1   # Debian's DCMTK leaves Nagle on otherwise (~44 ms per C-STORE)
shim="$W/bind-loopback.so"
[ -f "$shim" ] || gcc -shared -fPIC -O2 -o "$shim" "$root/dicom/src/test/resources/org/arca/dicom/net/support/bind-loopback.c" -ldl
V=0.1.0-SNAPSHOT
cp="$root/tools/target/arca-tools-$V.jar:$root/dicom/target/arca-dicom-$V.jar"
[ -f "$root/tools/target/arca-tools-$V.jar" ] || (cd "$root" && mvn -q -B -pl dicom,tools -DskipTests package)
# ours start as a user starts them, through scripts/tool.sh (its JVM options, its class data archive)
TOOL=("$root/scripts/tool.sh")

[ -d "$W/data" ] || "$here/gen-ct.sh" "$W/data" $(( (N + 99) / 100 )) 100 2 > /dev/null
mapfile -t files < <(find "$W/data" -name '*.dcm' | sort | head -n "$N")
bytes=$(printf '%s\0' "${files[@]}" | xargs -0 stat -c %s | awk '{s+=$1} END {print s}')
echo "payload: ${#files[@]} files, $bytes bytes"

now() { date +%s.%N; }
median() { sort -g | sed -n 2p; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 100); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

# $1 = which SCP (dcmtk|arca); prints its pid, serving into $W/scp
start_scp() {
  local port=$2
  rm -rf "$W/scp"; mkdir -p "$W/scp"
  if [ "$1" = dcmtk ]; then
    LD_PRELOAD="$shim" storescp -aet STORESCP -od "$W/scp" "$port" > "$W/scp.log" 2>&1 &
  else
    "${TOOL[@]}" storescp -aet STORESCP -od "$W/scp" "$port" > "$W/scp.log" 2>&1 &
  fi
  echo $!
}

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system CPU of a process, in clock ticks
HZ=$(getconf CLK_TCK)

# $1 = scp, $2 = scu (dcmtk|arca); prints the seconds of the transfer and the CPU seconds the
# SCP (during the transfer) and the SCU (all of it, start included) used: "elapsed scp_cpu scu_cpu"
run_once() {
  local port pid t0 t1 c0 c1 got scu_cpu
  port=$(free_port)
  pid=$(start_scp "$1" "$port"); pids+=("$pid")
  wait_port "$port" || { echo "SCP did not start" >&2; cat "$W/scp.log" >&2; exit 1; }
  c0=$(ticks "$pid")
  t0=$(now)
  if [ "$2" = dcmtk ]; then
    scu_cpu=$( { TIMEFORMAT='%U %S'; time storescu -aec STORESCP 127.0.0.1 "$port" "${files[@]}" 2> "$W/scu.log"; } 2>&1 )
  else
    scu_cpu=$( { TIMEFORMAT='%U %S'; time "${TOOL[@]}" storescu -aec STORESCP 127.0.0.1 "$port" "${files[@]}" > /dev/null 2> "$W/scu.log"; } 2>&1 )
  fi
  t1=$(now)
  c1=$(ticks "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  got=$(find "$W/scp" -type f ! -name '.*' | wc -l)
  [ "$got" -eq "${#files[@]}" ] || echo "only $got of ${#files[@]} files stored ($1 <- $2)" >&2
  awk -v t="$(echo "$t1 - $t0" | bc)" -v c=$((c1 - c0)) -v hz="$HZ" -v u="$scu_cpu" \
    'BEGIN { split(u, x, " "); printf "%.3f %.2f %.2f\n", t, c / hz, x[1] + x[2] }'
}

declare -A runs scpcpu scucpu med
pairs=(dcmtk:dcmtk arca:dcmtk dcmtk:arca)
# rounds interleave the three paths, so that load from elsewhere on the machine hits all alike
for r in 1 2 3; do
  for pair in "${pairs[@]}"; do
    read -r t sc uc < <(run_once "${pair%%:*}" "${pair#*:}")
    runs[$pair]+="$t "; scpcpu[$pair]+="$sc "; scucpu[$pair]+="$uc "
  done
done
echo "(elapsed: median of 3 runs; CPU: median seconds of user+system time, SCP during the transfer, SCU from its start)"
for pair in "${pairs[@]}"; do
  scp=${pair%%:*}; scu=${pair#*:}
  med[$pair]=$(printf '%s\n' ${runs[$pair]} | median)
  awk -v n="$scu storescu -> $scp storescp" -v t="${med[$pair]}" -v c="${#files[@]}" -v b="$bytes" -v all="${runs[$pair]}" \
    -v sc="$(printf '%s\n' ${scpcpu[$pair]} | median)" -v uc="$(printf '%s\n' ${scucpu[$pair]} | median)" \
    'BEGIN { printf "%-36s median %.3f s  %6.0f inst/s  %7.1f MB/s  CPU scp %.2f s scu %.2f s  (runs: %s)\n", n, t, c/t, b/t/1e6, sc, uc, all }'
done
awk -v a="${med[dcmtk:dcmtk]}" -v b="${med[arca:dcmtk]}" -v c="${med[dcmtk:arca]}" 'BEGIN {
  printf "ratio our storescp / DCMTK storescp: %.2f (below 1 = ours faster)\n", b / a
  printf "ratio our storescu / DCMTK storescu: %.2f (below 1 = ours faster)\n", c / a }'
