# Sourced by .ci/run: a throwaway PostgreSQL for the Postgres profile-store tests.
#   start_test_postgres  installs PostgreSQL from the distribution's packages when absent, starts a
#                        cluster in a temp dir on a free port and exports CONVREC_TEST_POSTGRES_URL;
#   stop_test_postgres   stops it and removes the temp dir (safe to call twice, or without a start).
# A CONVREC_TEST_POSTGRES_URL already set is used as it is: nothing is installed or started.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

# The newest installed server's bin folder (Debian keeps them under /usr/lib/postgresql/<major>/bin).
postgres_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
}

# initdb and postgres refuse to run as root: as root, the cluster belongs to the postgres user.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

test_postgres_dir=""
test_postgres_bin=""

start_test_postgres() {
  if [ -n "${CONVREC_TEST_POSTGRES_URL:-}" ]; then
    echo "using the PostgreSQL in CONVREC_TEST_POSTGRES_URL"
    return 0
  fi
  local started bin port attempt
  started=$(date +%s.%N)
  bin=$(postgres_bin)
  if [ -z "$bin" ]; then
    echo "installing PostgreSQL (apt-get)"
    # The package's own cluster may be started by its postinst where services run; ours is separate.
    { as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql \
      || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }; } \
      >/dev/null 2>&1 || { echo "cannot install PostgreSQL with apt-get (root or passwordless sudo needed)"; return 1; }
    bin=$(postgres_bin)
    [ -n "$bin" ] || { echo "PostgreSQL installed but initdb not found"; return 1; }
  fi
  test_postgres_bin=$bin
  test_postgres_dir=$(mktemp -d "${TMPDIR:-/tmp}/convrec-ci-postgres.XXXXXX") || return 1
  [ "$(id -u)" -eq 0 ] && chown postgres: "$test_postgres_dir"
  as_postgres "$bin/initdb" -D "$test_postgres_dir/data" -U convrec -A trust -E UTF8 --no-sync \
    >"$test_postgres_dir/initdb.log" 2>&1 || { cat "$test_postgres_dir/initdb.log"; return 1; }
  # A port found free can be taken before the server binds it: try a few.
  for attempt in 1 2 3; do
    port=$(free_port)
    if as_postgres "$bin/pg_ctl" -D "$test_postgres_dir/data" -l "$test_postgres_dir/server.log" -w -t 60 \
      -o "-p $port -k $test_postgres_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null 2>&1; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then
    echo "PostgreSQL did not start:"; tail -n 20 "$test_postgres_dir/server.log"; return 1
  fi
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U convrec convrec_test || return 1
  export CONVREC_TEST_POSTGRES_URL="postgres://convrec@127.0.0.1:$port/convrec_test"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port, ready in $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
}

stop_test_postgres() {
  [ -n "$test_postgres_dir" ] || return 0
  as_postgres "$test_postgres_bin/pg_ctl" -D "$test_postgres_dir/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$test_postgres_dir"
  test_postgres_dir=""
}
