#!/usr/bin/env bash
# The least time any archive needs to store N CT images of 0.5 MB over ONE association when each
# C-STORE response waits until the object is on disk (fsync), as Arca's does: DCMTK storescu
# sends the next file only after the response, so nothing overlaps the flush of an object. Floor =
# (DCMTK storescu -> DCMTK storescp --ignore: the transfer alone, nothing written)
#        + N x (median time to write and fsync one new 0.5 MB file in WORKDIR).
# Printed beside DCMTK storescp writing without fsync or index (the reference of issue 6's
# "0.8x storescp" goal), so that the goal can be compared with what the machine allows.
# Three runs of each, medians. Loopback only. WORKDIR should be on the disk the archive stores
# to (the default /tmp is, on these machines).
# Usage: bench/durability-floor.sh [WORKDIR=/tmp/arca-durability-floor] [N=500]
# Needs: dcmtk, gcc, perl, bc, python3, a JDK.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
W=$(mkdir -p "${1:-/tmp/arca-durability-floor}" && cd "${1:-/tmp/arca-durability-floor}" && pwd); N=${2:-500}
export TCP_NODELAY=1   # Debian's DCMTK leaves Nagle on otherwise (~44 ms per C-STORE)
shim="$W/bind-loopback.so"
[ -f "$shim" ] || gcc -shared -fPIC -O2 -o "$shim" "$ROOT/dicom/src/test/resources/org/arca/dicom/net/support/bind-loopback.c" -ldl
[ -d "$W/data" ] || "$ROOT/tools/bench/gen-ct.sh" "$W/data" $(( (N + 99) / 100 )) 100 2 > /dev/null
mapfile -t files < <(find "$W/data" -name '*.dcm' | sort | head -n "$N")
size=$(stat -c %s "${files[0]}")
now() { date +%s.%N; }
median() { sort -g | sed -n 2p; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 100); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$W/scp" "$W/fsync"' EXIT

# $@ = extra storescp options; prints the seconds of one transfer of all files
transfer() {
  local port t0 t1
  port=$(free_port)
  rm -rf "$W/scp"; mkdir -p "$W/scp"
  LD_PRELOAD="$shim" storescp "$@" -aet STORESCP -od "$W/scp" "$port" > /dev/null 2>&1 & pid=$!
  wait_port "$port"
  t0=$(now)
  storescu -aec STORESCP 127.0.0.1 "$port" "${files[@]}"
  t1=$(now)
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  echo "$t1 - $t0" | bc
}

ignore=$(for _ in 1 2 3; do transfer --ignore; done | median)
written=$(for _ in 1 2 3; do transfer; done | median)
fsync=$(for _ in 1 2 3; do java "$ROOT/bench/FsyncLatency.java" "$W/fsync" "$N" "$size"; done | sort -g | sed -n 2p)
read -r med p90 total <<< "$fsync"
awk -v n="${#files[@]}" -v s="$size" -v ig="$ignore" -v wr="$written" -v med="$med" -v p90="$p90" -v tot="$total" 'BEGIN {
  floor = ig + n * med / 1000
  printf "payload: %d files of %d bytes; load average: %s\n", n, s, "'"$(cut -d' ' -f1-3 /proc/loadavg)"'"
  printf "transfer alone (storescp --ignore)          %6.3f s\n", ig
  printf "DCMTK storescp writing (no fsync, no index) %6.3f s\n", wr
  printf "write + fsync of one %d-byte file          median %.2f ms, p90 %.2f ms (%d in a row: %.3f s)\n", s, med, p90, n, tot
  printf "floor for durable C-STOREs, one association %6.3f s  (= transfer + %d x median fsync)\n", floor, n
  printf "\"0.8x storescp\" allows at most               %6.3f s  (storescp time / 0.8): %s\n", wr / 0.8, \
    (floor <= wr / 0.8 ? "reachable" : "below the floor")
}'
