# Sourced by scripts/test.sh and bench/run.sh. Starts a PostgreSQL cluster in a temporary folder on a
# free loopback port, installing PostgreSQL from Debian's packages when it is missing, and exports
# FORMA_TEST_POSTGRES (a superuser connection string). The cluster and folder are removed on exit.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}

start_throwaway_postgres() {
  if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
    echo "Installing PostgreSQL (Debian package 'postgresql')..."
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN="$(pg_bin)"

  FORMA_WORK="$(mktemp -d /tmp/forma-pg.XXXXXX)"
  PGDATA="$FORMA_WORK/pgdata"
  RUN_PG=()
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root; the cluster runs as the 'postgres' user the package created.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$FORMA_WORK"
    RUN_PG=(runuser -u postgres --)
  fi
  local port; port="$(free_port)"
  trap stop_throwaway_postgres EXIT

  "${RUN_PG[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --no-sync >"$FORMA_WORK/initdb.log"
  "${RUN_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -w -l "$FORMA_WORK/postgres.log" \
    -o "-p $port -k $FORMA_WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=400" \
    start >/dev/null
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $PGDATA)"
  export FORMA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=20"
}

stop_throwaway_postgres() {
  "${RUN_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$FORMA_WORK"
}
