#!/usr/bin/env bash
# Runs the benchmarks against SQLite and a throwaway PostgreSQL cluster and copies BenchmarkDotNet's
# reports to bench/results/. Arguments go to BenchmarkDotNet (default: every benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/throwaway-postgres.sh
start_throwaway_postgres
args=("$@"); [ ${#args[@]} -eq 0 ] && args=(--filter '*')
dotnet run -c Release --project bench/Forma.Benchmarks -- "${args[@]}" --artifacts "$FORMA_WORK/bdn"
mkdir -p bench/results
cp "$FORMA_WORK"/bdn/results/*-report-github.md bench/results/ 2>/dev/null || true  # the dashboard load generator writes no report
