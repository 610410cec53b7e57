#!/usr/bin/env bash
# ./arca run: the archive in the foreground on the embedded defaults (or the services named
# by ARCA_DB_URL, ARCA_LDAP_URL, ARCA_JMS_URL). Ctrl-C stops it cleanly.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/lib.sh"
build_if_changed
exec "$ROOT/scripts/server.sh" "$@"
