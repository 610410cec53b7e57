# Shared by the launcher scripts: building only when something changed.
# A stamp file records the newest source seen at the last good build.

STAMP="$ROOT/target/.build-stamp"

newest_source() {
  # Everything that goes into the build; prints the newest modification time (epoch seconds).
  # Paths that do not exist yet are fine: find complains, we ignore it.
  { find "$ROOT/pom.xml" "$ROOT/wildfly-extra-repo" \
         "$ROOT"/*/pom.xml "$ROOT"/*/src "$ROOT"/ldap/slapd "$ROOT"/ldap/schema "$ROOT"/ldap/apacheds \
         "$ROOT"/ldap/*.ldif "$ROOT"/war-ui/package.json "$ROOT"/war-ui/package-lock.json \
         "$ROOT"/war-ui/vite.config.js -type f -printf '%T@\n' 2>/dev/null || true; } | sort -n | tail -1 | cut -d. -f1
}

build_if_changed() {
  local force=${1:-}
  local newest; newest=$(newest_source)
  if [ -z "$force" ] && [ -f "$STAMP" ] && [ -f "$ROOT/ear/target/arca.ear" ] \
     && [ -x "$ROOT/ear/target/server/bin/standalone.sh" ] && [ "$(cat "$STAMP")" -ge "$newest" ]; then
    return 0
  fi
  echo "arca: building (mvn install -DskipTests)" >&2
  # A changed provisioning script or layer list needs a fresh server.
  rm -rf "$ROOT/ear/target/server"
  mvn -q -B install -DskipTests
  mkdir -p "$ROOT/target"
  echo "$newest" > "$STAMP"
}
