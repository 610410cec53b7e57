#!/usr/bin/env bash
# ./arca <tool> [args]: the DICOM command-line tools of the tools/ module.
set -euo pipefail
# Every start is timed by users and benchmarks, and on a loaded machine each process (even a
# $(...) subshell) costs milliseconds: ./arca and the benchmark call this script by its absolute
# path, which gives the root without one.
src=${BASH_SOURCE[0]}
if [[ $src == /*/scripts/tool.sh && $src != *//* && $src != */./* && $src != */../* ]]; then
  ROOT=${src%/scripts/tool.sh}
else
  ROOT=$(cd "$(dirname "$src")/.." && pwd)
fi
tool=$1; shift
case "$tool" in
  storescp) main=org.arca.tools.storescp.StoreScp ;;
  storescu) main=org.arca.tools.storescu.StoreScu ;;
  echoscu)  main=org.arca.tools.echoscu.EchoScu ;;
  findscu)  main=org.arca.tools.findscu.FindScu ;;
  dcmdump)  main=org.arca.tools.dcmdump.DcmDump ;;
  stowrsd)  main=org.arca.tools.stowrsd.StowRsd ;;
  *) echo "arca: unknown command '$tool' (./arca help)" >&2; exit 2 ;;
esac
V=0.1.0-SNAPSHOT
jars="$ROOT/tools/target/arca-tools-$V.jar:$ROOT/dicom/target/arca-dicom-$V.jar"
jar="$ROOT/tools/target/arca-tools-$V.jar"
# a source newer than the jar: bash's own globbing and -nt (nanoseconds), no find process
stale() {
  local f
  shopt -s globstar nullglob
  for f in "$ROOT"/dicom/src/main/** "$ROOT"/tools/src/main/** "$ROOT/dicom/pom.xml" "$ROOT/tools/pom.xml"; do
    [[ -f $f && $f -nt $jar ]] && return 0
  done
  return 1
}
if [ ! -f "$jar" ] || [ ! -f "$ROOT/dicom/target/arca-dicom-$V.jar" ] || stale; then
  echo "arca: building the tools" >&2
  (cd "$ROOT" && mvn -q -B -pl dicom,tools -DskipTests package >&2)
fi
# Short-lived tools spend much of their time compiling: the C1 compiler alone and the serial
# collector start fastest on small machines (tools/README.md, benchmark). C1 compiles quickly, so
# it may start at a twentieth of the usual invocation counts: a 500-file transfer leaves the
# interpreter after a few files instead of a few dozen.
# -XX:-UsePerfData: no hsperfdata file to create and map at start (jstat does not see the tools).
opts=${ARCA_TOOL_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:CompileThresholdScaling=0.05}
# Class data sharing: once per build (and per JDK), a short training run of the tools against each
# other records the classes they load in an archive, which later starts map instead of loading
# and verifying each class from the jars. Written under a temporary name, so that concurrent first
# starts never map a half-written archive; without an archive the tools simply start without it.
hash java   # its path into BASH_CMDS: no subshell for command -v
java_bin=$(readlink -f "${BASH_CMDS[java]}")
key="$java_bin $opts"
cds="$ROOT/tools/target/cds/tools${key//[^A-Za-z0-9.=+-]/_}.jsa"   # the key in the name: no cksum process
fresh() { [ "$1" -nt "$ROOT/tools/target/arca-tools-$V.jar" ] && [ "$1" -nt "$ROOT/dicom/target/arca-dicom-$V.jar" ]; }
# a failed training (no loopback, read-only tree) is not retried until the next build
if ! fresh "$cds" && ! fresh "$cds.failed" && mkdir -p "$ROOT/tools/target/cds" 2>/dev/null; then
  tmp="$cds.$$.tmp"
  if java $opts -XX:ArchiveClassesAtExit="$tmp" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jars" \
      org.arca.tools.storescp.ClassDataTraining > /dev/null 2>&1 && [ -s "$tmp" ]; then
    mv -f "$tmp" "$cds"
  else
    rm -f "$tmp"; touch "$cds.failed" 2>/dev/null || true
  fi
fi
share=()
[ -f "$cds" ] && share=(-XX:SharedArchiveFile="$cds" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
exec java $opts "${share[@]}" -cp "$jars" "$main" "$@"
