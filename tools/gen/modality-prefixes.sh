#!/usr/bin/env bash
# Derives the file name prefixes DCMTK's storescp gives each SOP class ("CT.<iuid>",
# "SRt.<iuid>", "UNKNOWN.<iuid>") by observing its behaviour: one tiny object per SOP class
# of dicom/'s UID registry is sent by storescu to `storescp -pm` and the written names are
# read back. storescu proposes only the classes it knows, but for the others it logs the same
# abbreviation ("No presentation context for: (VLw) 1.2.840..."), which is taken from there.
# Output (stdout): "<sop class uid><TAB><prefix>" for every class not named UNKNOWN, sorted.
# Used to (re)generate tools/src/main/resources/org/arca/tools/storescp/modality-prefixes.tsv:
#   tools/gen/modality-prefixes.sh > tools/src/main/resources/org/arca/tools/storescp/modality-prefixes.tsv
# Needs: dcmtk (dump2dcm, storescu, storescp), gcc (bind shim).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
w=$(mktemp -d); trap 'kill "$pid" 2>/dev/null || true; rm -rf "$w"' EXIT
gcc -shared -fPIC -O2 -o "$w/shim.so" "$root/dicom/src/test/c/bind-loopback.c" -ldl
mkdir -p "$w/in" "$w/out"
awk -F'\t' '$2 == "SOP Class" { print $1 }' "$root/dicom/src/main/resources/org/arca/dicom/dict/uids.tsv" > "$w/classes"
n=0
while read -r cuid; do
  n=$((n + 1))
  printf '(0008,0016) UI [%s]\n(0008,0018) UI [2.25.1.%d]\n' "$cuid" "$n" > "$w/d"
  dump2dcm -q +te "$w/d" "$w/in/$n.dcm"
  echo "2.25.1.$n $cuid" >> "$w/map"
done < "$w/classes"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TCP_NODELAY=1 LD_PRELOAD="$w/shim.so" storescp -pm -od "$w/out" "$port" &
pid=$!
sleep 0.5
# storescu may propose several contexts per SOP class: at most 128 per association
ls "$w/in" | sort -n | sed "s|^|$w/in/|" |
  xargs -n 40 env TCP_NODELAY=1 storescu -nh 127.0.0.1 "$port" 2>&1 |
  sed -n 's/^E: No presentation context for: (\([^ )]*\)) \([0-9.]*\)$/\2\t\1/p' > "$w/logged"
ls "$w/out" | sed -n 's/^\([^.]*\)\.\(2\.25\.1\.[0-9]*\)$/\2 \1/p' | sort > "$w/names"
sort "$w/map" | join - "$w/names" | awk '{ printf "%s\t%s\n", $2, $3 }' > "$w/stored"
echo "$(wc -l < "$w/map") classes: $(wc -l < "$w/stored") stored, $(wc -l < "$w/logged") named in storescu's log" >&2
# a long word in the log is the class's name (no abbreviation known): such files are UNKNOWN.*
sort -u "$w/stored" "$w/logged" | awk -F'\t' '$2 != "UNKNOWN" && length($2) <= 5 && $2 ~ /^[A-Za-z0-9_]+$/'
