#!/usr/bin/env bash
# Runs every test project against SQLite and a throwaway PostgreSQL cluster (installed from Debian's
# packages when missing, started in a temporary folder on a free port, removed at the end), drives the
# pages in Debian's Chromium (installed when missing), and ends with the line "N passed, N failed".
# Extra arguments go to 'dotnet test' (e.g. --filter Isolation).
set -Eeuo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/throwaway-postgres.sh
# If PostgreSQL cannot be installed or started, say so in the closing line too.
trap 'echo "0 passed, 1 failed"' ERR
start_throwaway_postgres
# The page tests drive a real browser: Debian's Chromium (Playwright never downloads one here).
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium (Debian package 'chromium')..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
trap - ERR
export FORMA_TEST_REQUIRE_POSTGRES=1
export FORMA_TEST_REQUIRE_BROWSER=1
export FORMA_CHROMIUM="$(command -v chromium)"
# Screenshots of the key pages land here (ignored by git).
export FORMA_ARTIFACTS="$PWD/artifacts"

RESULTS="$FORMA_WORK/results"
set +e
dotnet test Forma.slnx -p:FormaAnalyze=true --logger "trx;LogFilePrefix=forma" --logger "console;verbosity=minimal" --results-directory "$RESULTS" "$@"
status=$?
set -e

passed=0; failed=0
shopt -s nullglob
for trx in "$RESULTS"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$(( passed + ${p:-0} )); failed=$(( failed + ${f:-0} + ${e:-0} ))
done
# The compiler server would otherwise idle on for ten minutes after the run.
dotnet build-server shutdown >/dev/null 2>&1 || true
# A build failure or a crashed test host leaves no result to count: report it as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
