#!/usr/bin/env bash
# STOW-RS export benchmark, loopback: one study of N synthetic 0.5 MB CT images (gen-ct.sh),
#   A) Arca's stow: exporter -> Orthanc (DICOMweb plugin), dcmProperty concurrency=1, then 4
#   B) Orthanc's own DICOMweb send of the same study to a second Orthanc
#      (POST /dicom-web/servers/{name}/stow, Synchronous)
# Each run sends to a fresh, empty target Orthanc; each target is checked to hold N instances.
# The archive's ports are fixed (8080, 11112, 10389...), so the script re-runs itself in a
# private network namespace (unshare -n, needs root); ARCA_BENCH_NO_NETNS=1 skips that (then
# hold /tmp/arca-test.lock yourself).
# Usage: ejb/bench/export-bench.sh [WORKDIR=/tmp/arca-export-bench] [N=500]
# Needs: a built archive (./arca build), dcmtk, orthanc, orthanc-dicomweb, ldap-utils, curl,
# python3, gcc.
set -euo pipefail
if [ -z "${ARCA_BENCH_IN_NETNS:-}" ] && [ -z "${ARCA_BENCH_NO_NETNS:-}" ]; then
  export ARCA_BENCH_IN_NETNS=1
  exec unshare -n bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
W=$(mkdir -p "${1:-/tmp/arca-export-bench}" && cd "${1:-/tmp/arca-export-bench}" && pwd); N=${2:-500}
export TCP_NODELAY=1   # Debian's DCMTK (and so Orthanc's DICOM server) leaves Nagle on otherwise
shim="$W/bind-loopback.so"
[ -f "$shim" ] || gcc -shared -fPIC -O2 -o "$shim" "$root/dicom/src/test/resources/org/arca/dicom/net/support/bind-loopback.c" -ldl
[ -f "$root/ear/target/arca.ear" ] || { echo "build the archive first: ./arca build" >&2; exit 2; }

[ -d "$W/data" ] || "$root/tools/bench/gen-ct.sh" "$W/data" 1 "$N" 2 > /dev/null
mapfile -t files < <(find "$W/data" -name '*.dcm' | sort | head -n "$N")
bytes=$(printf '%s\0' "${files[@]}" | xargs -0 stat -c %s | awk '{s+=$1} END {print s}')
study=$(dcmdump +P StudyInstanceUID "${files[0]}" | sed 's/.*\[\(.*\)\].*/\1/')
echo "payload: ${#files[@]} instances of study $study, $bytes bytes"

now() { date +%s.%N; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
wait_http() { for _ in $(seq 1 "${2:-600}"); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; return 1; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# Orthanc NAME HTTP DICOM: a fresh one in $W/NAME (its pid appended to pids)
orthanc() {
  rm -rf "${W:?}/$1"; mkdir -p "$W/$1"
  cat > "$W/$1/orthanc.json" <<JSON
{ "Name": "$1", "StorageDirectory": "$W/$1/db", "IndexDirectory": "$W/$1/db", "StorageCompression": false,
  "Plugins": [ "/usr/share/orthanc/plugins/libOrthancDicomWeb.so" ], "HttpPort": $2, "DicomPort": $3,
  "DicomAet": "ORTHANC", "RemoteAccessAllowed": false, "AuthenticationEnabled": false,
  "HttpCompressionEnabled": false, "DicomAlwaysAllowStore": true, "DicomCheckCalledAet": false, "SaveJobs": false,
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/", "Host": "127.0.0.1:$2", "Ssl": false } }
JSON
  LD_PRELOAD="$shim" Orthanc "$W/$1/orthanc.json" > "$W/$1/orthanc.log" 2>&1 &
  pids+=($!)
  wait_http "http://127.0.0.1:$2/system" 100 || { cat "$W/$1/orthanc.log" >&2; exit 1; }
}
stop_last() { local p=${pids[-1]}; kill "$p"; wait "$p" 2>/dev/null || true; unset 'pids[-1]'; sleep 1; }
count() { curl -s "http://127.0.0.1:$1/statistics" | json 'd["CountInstances"]'; }

# ---- the archive, with the study stored
rm -rf "$W/arca"
ARCA_ADMIN_PASSWORD=bench ARCA_DATA_DIR="$W/arca" bash "$root/scripts/server.sh" > "$W/arca.log" 2>&1 &
pids+=($!)
wait_http http://127.0.0.1:8080/dcm4chee-arc/health || { tail -50 "$W/arca.log" >&2; exit 1; }
storescu -aec DCM4CHEE 127.0.0.1 11112 "${files[@]}"
L=(-x -H ldap://127.0.0.1:10389 -D cn=admin,dc=dcm4che,dc=org -w secret)
D="cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org"
ldapadd "${L[@]}" > /dev/null <<LDIF
dn: dicomDeviceName=benchorthanc,$D
objectClass: dicomDevice
dicomDeviceName: benchorthanc
dicomInstalled: TRUE

dn: cn=http,dicomDeviceName=benchorthanc,$D
objectClass: dicomNetworkConnection
objectClass: dcmNetworkConnection
cn: http
dicomHostname: 127.0.0.1
dicomPort: 8042
dcmProtocol: HTTP

dn: dcmWebAppName=benchorthanc,dicomDeviceName=benchorthanc,$D
objectClass: dcmWebApp
dcmWebAppName: benchorthanc
dcmWebServicePath: /dicom-web
dcmWebServiceClass: STOW_RS
dicomNetworkConnectionReference: cn=http,dicomDeviceName=benchorthanc,$D
dcmProperty: concurrency=1

dn: dcmExporterID=BENCHSTOW,dicomDeviceName=dcm4chee-arc,$D
objectClass: dcmExporter
dcmExporterID: BENCHSTOW
dcmURI: stow:benchorthanc
dcmQueueName: Export9
dicomAETitle: DCM4CHEE
LDIF
curl -sf -u admin:bench -X POST http://127.0.0.1:8080/dcm4chee-arc/ctrl/reload > /dev/null

# ---- A) Arca -> fresh Orthanc on 8042, concurrency $1; prints seconds (POST to COMPLETED seen)
arca_run() {
  ldapmodify "${L[@]}" > /dev/null <<LDIF
dn: dcmWebAppName=benchorthanc,dicomDeviceName=benchorthanc,$D
changetype: modify
replace: dcmProperty
dcmProperty: concurrency=$1
LDIF
  orthanc target 8042 4242
  local t0 t1 id status
  t0=$(now)
  id=$(curl -sf -u admin:bench -X POST "http://127.0.0.1:8080/dcm4chee-arc/aets/DCM4CHEE/rs/studies/$study/export/BENCHSTOW" | json 'd["taskID"]')
  # poll with curl and grep only (a python per poll costs CPU the export needs)
  while ! curl -sf -u admin:bench "http://127.0.0.1:8080/dcm4chee-arc/monitor/export/$id" \
      | grep -qE '"status" *: *"(COMPLETED|FAILED|WARNING|SCHEDULED FOR RETRY)"'; do
    sleep 0.1
  done
  t1=$(now)
  task=$(curl -sf -u admin:bench "http://127.0.0.1:8080/dcm4chee-arc/monitor/export/$id")
  [ "$(echo "$task" | json 'd["status"]')" = COMPLETED ] || { echo "$task" >&2; exit 1; }
  echo "$task" | json '"  task %s: %s, processing %s to %s" % (d["taskID"], d["outcomeMessage"], d["processingStartTime"], d["processingEndTime"])' >&2
  [ "$(count 8042)" -eq "${#files[@]}" ] || { echo "target holds $(count 8042) instances" >&2; exit 1; }
  stop_last
  echo "$t1 - $t0" | bc
}

# ---- B) Orthanc (source, 8043, holding the study) -> fresh Orthanc on 8042; prints seconds
orthanc source 8043 4243
storescu -aec ORTHANC 127.0.0.1 4243 "${files[@]}"
source_study=$(curl -s http://127.0.0.1:8043/studies | json 'd[0]')
curl -sf -X PUT http://127.0.0.1:8043/dicom-web/servers/target -d '{"Url":"http://127.0.0.1:8042/dicom-web/"}' > /dev/null
orthanc_run() {
  orthanc target 8042 4242
  local t0 t1
  t0=$(now)
  curl -sf -X POST http://127.0.0.1:8043/dicom-web/servers/target/stow \
    -d "{\"Resources\":[\"$source_study\"],\"Synchronous\":true}" > /dev/null
  t1=$(now)
  [ "$(count 8042)" -eq "${#files[@]}" ] || { echo "target holds $(count 8042) instances" >&2; exit 1; }
  stop_last
  echo "$t1 - $t0" | bc
}

report() {
  awk -v n="$1" -v t="$2" -v c="${#files[@]}" -v b="$bytes" \
    'BEGIN { printf "%-44s %7.2f s  %6.0f inst/s  %6.1f MB/s\n", n, t, c/t, b/t/1e6 }'
}
# the source Orthanc must survive the targets' restarts: targets are started after it, so
# stop_last stops the target only (pids order: archive, source, target)
arca_run 1 > /dev/null   # warm-up, not reported: the JIT compiles the export path (Orthanc is native code)
a1=$(arca_run 1); a4=$(arca_run 4); o=$(orthanc_run)
echo "load average before the runs were over: $(cut -d' ' -f1-3 /proc/loadavg)"
report "Arca stow: -> Orthanc, concurrency=1" "$a1"
report "Arca stow: -> Orthanc, concurrency=4" "$a4"
report "Orthanc DICOMweb send -> Orthanc" "$o"
awk -v a="$a1" -v b="$a4" -v o="$o" 'BEGIN { printf "Arca / Orthanc time: %.2f (concurrency 1), %.2f (concurrency 4); below 1 = Arca faster\n", a/o, b/o }'
