#!/usr/bin/env bash
# Store benchmark: 500 synthetic CT images of 0.5 MB with DCMTK storescu into an AE whose
# storage is the file system, then one whose storage is S3 (S3Proxy on loopback, filesystem
# backend), over one association and over 4 associations in parallel. Each run gets a fresh
# archive (H2 index) and a fresh directory/bucket. Not a test: prints a table of rates.
# Usage (from the repository root): ejb/bench/s3-bench.sh [WORKDIR=/tmp/arca-s3-bench] [STUDIES=5] [PER_STUDY=100]
# Needs: dcmtk, perl, bc, java 17, maven. Extra storage properties for the S3 AE: S3_PROPS="part-size=8388608 ..."
# WARMUP=N (default 100): each fresh archive first takes N other images, untimed, so that the rate is
# that of a running archive rather than of a JVM compiling its code (the S3 path has far more code
# to compile: jclouds, Guice, HTTP); WARMUP=0 times the cold start too.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/arca-s3-bench}; studies=${2:-5}; per=${3:-100}; warmup=${WARMUP:-100}
ejb=$root/ejb
pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

echo "== build (test classes, S3Proxy jars, class path)"
(cd "$root" && mvn -q -pl dicom,ldap,db-schema,ejb test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null)
cp="$ejb/target/test-classes:$ejb/target/classes:$(cat "$ejb/target/bench.cp")"

# the images are kept between runs (generating them takes longer than a run); the rest is fresh
mkdir -p "$work"; find "$work" -mindepth 1 -maxdepth 1 ! -name ct ! -name warm -exec rm -rf {} +
if [ "$(find "$work/ct" -name '*.dcm' 2>/dev/null | wc -l)" -ne $((studies * per)) ]; then
  echo "== generate $((studies * per)) CT images"
  rm -rf "$work/ct"
  bash "$root/tools/bench/gen-ct.sh" "$work/ct" "$studies" "$per" 2 >/dev/null
fi
files=$(find "$work/ct" -name '*.dcm' | sort)
warm=
if [ "$warmup" -gt 0 ]; then
  if [ "$(find "$work/warm" -name '*.dcm' 2>/dev/null | wc -l)" -ne "$warmup" ]; then
    rm -rf "$work/warm"; bash "$root/tools/bench/gen-ct.sh" "$work/warm" 1 "$warmup" 2 >/dev/null
  fi
  warm=$(find "$work/warm" -name '*.dcm' | sort)
fi
count=$(echo "$files" | wc -l)
bytes=$(echo "$files" | xargs du -cb | tail -1 | cut -f1)
echo "$files" | split -n r/4 - "$work/part."

# CPU (user + system) of the archive and, for S3, of S3Proxy: both share the machine's CPUs
cpu_ticks() { local t; t=$(awk '{print $14 + $15}' "/proc/$1/stat"); [ -z "${s3pid:-}" ] || t=$(( t + $(awk '{print $14 + $15}' "/proc/$s3pid/stat") )); echo "$t"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== start S3Proxy"
s3port=$(free_port)
mkdir -p "$work/s3/buckets"
cat > "$work/s3/logback.xml" <<'XML'
<configuration><appender name="O" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%msg%n</pattern></encoder></appender><root level="WARN"><appender-ref ref="O"/></root></configuration>
XML
cat > "$work/s3/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$s3port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench
s3proxy.credential=bench-secret
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$work/s3/buckets
CONF
java -Xmx1g -Dlogback.configurationFile="$work/s3/logback.xml" -cp "$ejb/target/s3proxy/lib/*" \
    org.gaul.s3proxy.Main --properties "$work/s3/s3proxy.conf" > "$work/s3/s3proxy.log" 2>&1 &
pids+=($!); proxy=$!
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$s3port) 2>/dev/null && break; sleep 0.1; done

# run NAME PARALLEL URI [props...]: a fresh archive, storescu over PARALLEL associations, prints a row
run() {
  local name=$1 par=$2 uri=$3; shift 3
  local dir="$work/run-$name-$par"; mkdir -p "$dir"
  s3pid=; [ "$name" = fs ] || s3pid=$proxy
  coproc ARC { exec java -Xmx1g -cp "$cp" org.arca.ejb.storage.bench.BenchmarkArchive "$dir/db" "$uri" "$@" 2>"$dir/archive.log"; }
  local apid=$ARC_PID; pids+=($apid)
  local line port
  read -r -t 60 line <&"${ARC[0]}"; port=${line#PORT=}
  [ -z "$warm" ] || storescu -aec ARCA 127.0.0.1 "$port" $warm > "$dir/warmup.log" 2>&1
  local t0 t1 c0 c1
  c0=$(cpu_ticks "$apid")
  t0=$(date +%s.%N)
  if [ "$par" = 1 ]; then
    storescu -aec ARCA 127.0.0.1 "$port" $files > "$dir/storescu.log" 2>&1
  else
    local spids=()
    for p in "$work"/part.*; do
      storescu -aec ARCA 127.0.0.1 "$port" $(cat "$p") > "$dir/storescu-$(basename "$p").log" 2>&1 & spids+=($!)
    done
    for sp in "${spids[@]}"; do wait "$sp"; done
  fi
  t1=$(date +%s.%N)
  c1=$(cpu_ticks "$apid")
  exec {ARC[1]}>&-
  read -r -t 60 line <&"${ARC[0]}" || true
  wait "$apid" 2>/dev/null || true
  local stored=${line#STORED=}; stored=$(( ${stored%% *} - warmup ))
  awk -v n="$name" -v p="$par" -v t0="$t0" -v t1="$t1" -v c="$count" -v b="$bytes" -v s="$stored" \
    -v cpu="$(( c1 - c0 ))" -v hz="$(getconf CLK_TCK)" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { d=t1-t0; printf "%-4s %2d assoc  %6.1f s  %7.1f img/s  %7.1f MB/s  CPU %5.1f ms/img  stored %s/%d  load %s\n",
             n, p, d, c/d, b/d/1e6, cpu * 1000 / hz / c, s, c, load }'
}

echo "== $count images, $((bytes / 1000000)) MB (each archive warmed up with $warmup others first)"
{
  run fs 1 "file://${work}/fs-1/"
  run s3 1 "jclouds:s3:http://127.0.0.1:$s3port" container=bench-1 identity=bench credential=bench-secret ${S3_PROPS:-}
  run fs 4 "file://${work}/fs-4/"
  run s3 4 "jclouds:s3:http://127.0.0.1:$s3port" container=bench-4 identity=bench credential=bench-secret ${S3_PROPS:-}
} | tee "$work/results.txt"
