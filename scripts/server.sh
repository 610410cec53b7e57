#!/usr/bin/env bash
# Starts the provisioned WildFly with the archive deployed, its state under ARCA_DATA_DIR.
# Used by ./arca run and by the tests that restart the archive; does not build.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=$(mkdir -p "${ARCA_DATA_DIR:-$ROOT/data}" && cd "${ARCA_DATA_DIR:-$ROOT/data}" && pwd)
SERVER="$ROOT/ear/target/server"
BASE="$DATA/wildfly"
BIND=${ARCA_BIND_ADDRESS:-127.0.0.1}

# The server's configuration comes from the build each time (changes belong in LDAP or in
# ear/src/main/wildfly/configure.cli); logs and runtime data stay under the data folder.
mkdir -p "$BASE/configuration" "$BASE/deployments" "$BASE/log" "$BASE/data"
cp -r "$SERVER/standalone/configuration/." "$BASE/configuration/"
rm -f "$BASE/deployments/"arca.ear.*
cp "$ROOT/ear/target/arca.ear" "$BASE/deployments/arca.ear"

if [ -n "${ARCA_JMS_URL:-}" ]; then
  "$ROOT/scripts/remote-jms.sh" "$SERVER" "$BASE" "$ARCA_JMS_URL"
fi

db_url=${ARCA_DB_URL:-"jdbc:h2:file:$DATA/db/arca"}
case "$db_url" in
  jdbc:postgresql:*) db_driver=postgresql ;;
  jdbc:h2:*)         db_driver=h2
    # H2 writes committed transactions in the background, by default up to 500 ms later: a
    # killed server would lose instances it had acknowledged (restart/CrashIT). 0: at commit.
    case "$db_url" in *WRITE_DELAY=*) ;; *) db_url="$db_url;WRITE_DELAY=0" ;; esac ;;
  *) echo "arca: ARCA_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL, not '$db_url'" >&2; exit 2 ;;
esac

props=(
  "-Djboss.server.base.dir=$BASE"
  "-Darca.data.dir=$DATA"
  "-Darca.db.url=$db_url"
  "-Darca.db.driver=$db_driver"
)
[ -n "${ARCA_DB_USER:-}" ] && props+=("-Darca.db.user=$ARCA_DB_USER")
[ -n "${ARCA_DB_PASSWORD:-}" ] && props+=("-Darca.db.password=$ARCA_DB_PASSWORD")
# Sign-in's LDAP realm (configure.cli) wants the server alone, without ARCA_LDAP_URL's base DN.
[ -n "${ARCA_LDAP_URL:-}" ] && props+=("-Darca.ldap.server=$(sed -E 's#^([a-z]+://[^/]*).*#\1#' <<<"$ARCA_LDAP_URL")")

# standalone.sh relays SIGTERM/SIGINT to the JVM only in this mode; without it a TERM sent
# to this script (a service manager, a test) would leave the server running.
export LAUNCH_JBOSS_IN_BACKGROUND=1

echo "arca: data in $DATA, database $db_url" >&2
exec "$SERVER/bin/standalone.sh" -b "$BIND" -bmanagement "$BIND" "${props[@]}" "$@"
