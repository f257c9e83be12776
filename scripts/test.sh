#!/usr/bin/env bash
# Runs every test project against SQLite and a throwaway PostgreSQL cluster, and ends with the line
# "N passed, N failed". Installs PostgreSQL from Debian's packages when it is missing. The cluster lives
# in a temporary folder on a free loopback port and is removed at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  echo "Installing PostgreSQL (Debian package 'postgresql')..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN="$(pg_bin)"

WORK="$(mktemp -d /tmp/forma-test.XXXXXX)"
PGDATA="$WORK/pgdata"
RUN_PG=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root; the cluster runs as the 'postgres' user the package created.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$WORK"
  RUN_PG=(runuser -u postgres --)
fi

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}
PORT="$(free_port)"

cleanup() {
  "${RUN_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"${RUN_PG[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --no-sync >"$WORK/initdb.log"
"${RUN_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -w -l "$WORK/postgres.log" \
  -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=400" \
  start >/dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (data in $PGDATA)"

export FORMA_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres;Maximum Pool Size=20"
export FORMA_TEST_REQUIRE_POSTGRES=1

RESULTS="$WORK/results"
set +e
dotnet test Forma.slnx --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" "$@"
status=$?
set -e

passed=0; failed=0
shopt -s nullglob
trx_files=("$RESULTS"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$(( passed + ${p:-0} )); failed=$(( failed + ${f:-0} + ${e:-0} ))
done
# A build failure or a crashed test host leaves no result to count: report it as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
