#!/usr/bin/env bash
# DICOMweb benchmark, one run, Arca against Orthanc (Debian orthanc + orthanc-dicomweb) on the
# same machine over loopback, both on their default embedded databases (Arca: H2, Orthanc:
# SQLite), both storing on the local file system:
#   1. STOW-RS of 100 CT images of 0.5 MB in one request
#   2. STOW-RS of 100 other CT images in 10 parallel requests of 10
#   3. WADO-RS retrieve of a 500-image series (multipart/related; type="application/dicom"; the
#      first call, and the best of 3)
#   4. WADO-RS series metadata of that series (JSON; best of 3, and the first)
# Runs 1-3 also go to DicomWebFloor.java, a server that only writes and fsyncs the bodies (one
# file per object) or sendfiles one prepared file: the "floor" column is what this machine
# allows any server, next to the issue's goal (Orthanc's time / 3 for STOW, / 2 for WADO).
# Runs in a network namespace of its own (root: unshare -n), so the archive's fixed ports do
# not meet another engineer's test server. Needs: the built EAR (ear/target/arca.ear and
# ear/target/server, e.g. from ./arca build), dcmtk, orthanc, orthanc-dicomweb, curl, gcc, bc.
# ARCA_BENCH_WARM_ROUNDS=R (default 10): before the measured runs, R studies of 100 other images
# go to each server by STOW-RS (odd rounds in one request, even rounds in 10 parallel requests of
# 10, the two shapes measured), unmeasured, so that Arca is measured as a
# running archive and not as a JVM that has just started (C2 compiles the store path only after
# some thousands of calls; see archive-store-bench.sh). 0: measure cold, as before 2026-12-02.
# ARCA_BENCH_DB=postgresql: Arca on a throw-away PostgreSQL (scripts/peers.sh) instead of H2, as
# in production and in archive-store-bench.sh.
# Usage: [ARCA_BENCH_DB=h2|postgresql] bench/dicomweb-bench.sh [WORKDIR=/tmp/arca-dicomweb-bench]
set -euo pipefail
if [ -z "${ARCA_IN_NETNS:-}" ]; then
  exec unshare -n env ARCA_IN_NETNS=1 bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
orthanc_start=${ORTHANC_START:-/work/shared/tools/orthanc-start.sh}   # writes the Orthanc config, starts it
W=$(mkdir -p "${1:-/tmp/arca-dicomweb-bench}" && cd "${1:-/tmp/arca-dicomweb-bench}" && pwd)
export TCP_NODELAY=1
[ -f "$root/ear/target/arca.ear" ] || { echo "build first: ./arca build" >&2; exit 2; }

# data: two studies of 100 images (STOW runs) and one of 500 (retrieve, metadata)
[ -d "$W/small" ] || "$root/tools/bench/gen-ct.sh" "$W/small" 2 100 2 > /dev/null
[ -d "$W/big" ] || "$root/tools/bench/gen-ct.sh" "$W/big" 1 500 2 > /dev/null
WARM=${ARCA_BENCH_WARM_ROUNDS:-10}
[ "$WARM" -eq 0 ] || [ -d "$W/warm/s$WARM" ] || { rm -rf "$W/warm"; "$root/tools/bench/gen-ct.sh" "$W/warm" "$WARM" 100 2 > /dev/null; }
mapfile -t s1 < <(find "$W/small/s1" -name '*.dcm' | sort -V)
mapfile -t s2 < <(find "$W/small/s2" -name '*.dcm' | sort -V)
mapfile -t big < <(find "$W/big/s1" -name '*.dcm' | sort -V)
uid() { dcmdump +P "$1" "$2" | sed 's/.*\[\(.*\)\].*/\1/'; }
BIG_STUDY=$(uid 0020,000d "${big[0]}"); BIG_SERIES=$(uid 0020,000e "${big[0]}")
echo "data: ${#s1[@]} + ${#s2[@]} + ${#big[@]} images of $(stat -c %s "${s1[0]}") bytes"

# multipart bodies: one of 100, ten of 10 per study, ten of 50 for the big series
mkdir -p "$W/bodies"
body() { # $1 = name, files...: a multipart/related body of application/dicom parts, and its boundary
  local name=$1 b="DICOMwebBoundary$RANDOM$RANDOM" f; shift
  [ -f "$W/bodies/$name" ] && return 0
  { for f in "$@"; do printf -- '--%s\r\nContent-Type: application/dicom\r\n\r\n' "$b"; cat "$f"; printf '\r\n'; done
    printf -- '--%s--\r\n' "$b"; } > "$W/bodies/$name"
  echo "$b" > "$W/bodies/$name.boundary"
}
body10() { # $1 = name prefix, 100 files...: ten bodies of ten, $1 0 to $1 9
  local name=$1 j; shift
  local f=("$@")
  for j in $(seq 0 9); do body "$name$j" "${f[@]:$((j * 10)):10}"; done
}
body one100 "${s1[@]}"
body10 p "${s2[@]}"
for k in $(seq 0 9); do body "big$k" "${big[@]:$((k * 50)):50}"; done
for k in $(seq 1 "$WARM"); do
  mapfile -t w < <(find "$W/warm/s$k" -name '*.dcm' | sort -V); body "warm$k" "${w[@]}"; body10 "warm${k}p" "${w[@]}"
done

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
now() { date +%s.%N; }

# Orthanc
rm -rf "$W/orthanc"; "$orthanc_start" "$W/orthanc" 4242 8042 > /dev/null
pids+=("$(cat "$W/orthanc/orthanc.pid")")
# Arca, fresh data folder
rm -rf "$W/arca-data"
db=()
if [ "${ARCA_BENCH_DB:-h2}" = postgresql ]; then
  . "$root/scripts/peers.sh"
  rm -rf "$W/pg"; start_postgres "$W/pg" 2>/dev/null
  trap 'cleanup; stop_postgres "$W/pg"' EXIT
  db=(ARCA_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/arca" ARCA_DB_USER=arca ARCA_DB_PASSWORD=arca)
fi
env "${db[@]}" ARCA_ADMIN_PASSWORD=bench ARCA_DATA_DIR="$W/arca-data" "$root/scripts/server.sh" -Darca.store.phases=100 > "$W/arca.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null http://127.0.0.1:8080/dcm4chee-arc/health 2>/dev/null && break; sleep 0.5
done
curl -fsS -o /dev/null http://127.0.0.1:8080/dcm4chee-arc/health || { echo "arca did not start, see $W/arca.log" >&2; exit 1; }
# ARCA_BENCH_JFR=FILE [ARCA_BENCH_JFC=settings]: a Flight Recorder profile of Arca's JVM over the run
jvm=$(pgrep -P "${pids[-1]}" java | head -1 || true)
[ -n "${ARCA_BENCH_JFR:-}" ] && jcmd "$jvm" JFR.start name=bench settings="${ARCA_BENCH_JFC:-profile}" filename="$ARCA_BENCH_JFR" > /dev/null

# DICOMweb needs a signed-in user; Orthanc ignores the credentials (its authentication is off)
AUTH=(-u admin:bench)
declare -A URL=([orthanc]=http://127.0.0.1:8042/dicom-web [arca]=http://127.0.0.1:8080/dcm4chee-arc/aets/DCM4CHEE/rs
  [floor]=http://127.0.0.1:8099/dicom-web)
stow() { # $1 = target, $2 = body name; fails unless 200
  local code
  code=$(curl -sS "${AUTH[@]}" -o "$W/stow.out.$1.$2" -w '%{http_code}' -X POST -H 'Expect:' -H 'Accept: application/dicom+json' \
    -H "Content-Type: multipart/related; type=\"application/dicom\"; boundary=$(cat "$W/bodies/$2.boundary")" \
    --data-binary @"$W/bodies/$2" "${URL[$1]}/studies")
  [ "$code" = 200 ] || { echo "STOW $2 to $1: HTTP $code $(head -c 300 "$W/stow.out.$1.$2")" >&2; return 1; }
}
stow10() { # $1 = target, $2 = name prefix: the ten bodies of body10 in ten parallel requests
  local p=() j
  for j in $(seq 0 9); do stow "$1" "$2$j" & p+=("$!"); done
  for j in "${p[@]}"; do wait "$j" || return 1; done
}
# the floor: what a server that only receives and fsyncs, or only sendfiles, takes (DicomWebFloor.java)
cat "${big[@]}" > "$W/floor-series"
rm -rf "$W/floor-data"
java "$here/DicomWebFloor.java" 8099 "$W/floor-data" "$(stat -c %s "${s1[0]}")" "$W/floor-series" > "$W/floor.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 100); do (echo > /dev/tcp/127.0.0.1/8099) 2>/dev/null && break; sleep 0.1; done
declare -A R
for t in orthanc arca floor; do
  # warm-up: WARM studies of 100 and a part of the big series (both servers alike), untimed; in
  # the shapes measured below, alternately one request of 100 and 10 parallel requests of 10
  for k in $(seq 1 "$WARM"); do
    if [ $((k % 2)) = 1 ]; then stow "$t" "warm$k"; else stow10 "$t" "warm${k}p" || exit 1; fi
  done
  stow "$t" big0
  t0=$(now); stow "$t" one100; t1=$(now); R[$t.one]=$(echo "$t1 - $t0" | bc)
  t0=$(now); stow10 "$t" p || exit 1; t1=$(now); R[$t.par]=$(echo "$t1 - $t0" | bc)
  [ "$t" = floor ] || for k in $(seq 1 9); do stow "$t" "big$k"; done
  series="${URL[$t]}/studies/$BIG_STUDY/series/$BIG_SERIES"
  t0=$(now)
  bytes=$(curl -sS "${AUTH[@]}" -o /dev/null -w '%{size_download}' -H 'Accept: multipart/related; type="application/dicom"' "$series")
  t1=$(now); R[$t.wado]=$(echo "$t1 - $t0" | bc); R[$t.wadobytes]=$bytes
  best=${R[$t.wado]}
  for r in 2 3; do # the same retrieve again: without the first call's warm-up (JIT, caches)
    t0=$(now)
    curl -sS "${AUTH[@]}" -o /dev/null -H 'Accept: multipart/related; type="application/dicom"' "$series"
    t1=$(now); best=$(echo "d = $t1 - $t0; if (d < $best) d else $best" | bc)
  done
  R[$t.wadobest]=$best
  [ "$t" = floor ] && continue
  best=999
  for r in 1 2 3; do
    m=$(curl -sS "${AUTH[@]}" -o "$W/meta.$t.json" -w '%{time_total}' -H 'Accept: application/dicom+json' "$series/metadata")
    [ "$r" = 1 ] && R[$t.meta1]=$m
    best=$(echo "if ($m < $best) $m else $best" | bc)
  done
  R[$t.meta]=$best
  R[$t.metan]=$(grep -o '"00080018"' "$W/meta.$t.json" | wc -l)
done

[ -n "${ARCA_BENCH_JFR:-}" ] && jcmd "$jvm" JFR.stop name=bench > /dev/null
load=$(cut -d' ' -f1-3 /proc/loadavg)
printf '%-44s %10s %10s %8s %10s %10s\n' "" orthanc arca "ratio" floor goal
# $4 = the floor's time, $5 = the goal's factor (the goal is Orthanc's time / $5)
row() { printf '%-44s %9.3fs %9.3fs %7.2fx' "$1" "$2" "$3" "$(echo "$2 / $3" | bc -l)"
  [ -z "${4:-}" ] && { echo; return; }
  printf ' %9.3fs %9.3fs\n' "$4" "$(echo "$2 / $5" | bc -l)"; }
row "STOW 100 x 0.5 MB, one request" "${R[orthanc.one]}" "${R[arca.one]}" "${R[floor.one]}" 3
row "STOW 100 x 0.5 MB, 10 parallel requests" "${R[orthanc.par]}" "${R[arca.par]}" "${R[floor.par]}" 3
row "WADO-RS retrieve, 500-image series" "${R[orthanc.wado]}" "${R[arca.wado]}" "${R[floor.wado]}" 2
row "WADO-RS retrieve, 500 images (best of 3)" "${R[orthanc.wadobest]}" "${R[arca.wadobest]}" "${R[floor.wadobest]}" 2
row "series metadata, 500 images (best of 3)" "${R[orthanc.meta]}" "${R[arca.meta]}"
row "series metadata, 500 images (first call)" "${R[orthanc.meta1]}" "${R[arca.meta1]}"
echo "retrieved bytes: orthanc ${R[orthanc.wadobytes]}, arca ${R[arca.wadobytes]};" \
  "metadata objects: orthanc ${R[orthanc.metan]}, arca ${R[arca.metan]}"
echo "load average at the end: $load ($(nproc) cores); warm-up: $WARM x 100 images stored before the runs"
