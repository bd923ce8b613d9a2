#!/usr/bin/env bash
# Makes the spend benchmark input (issue 7): the Devon FY2016-17 file (100,557 payments) repeated ten times with
# distinct transaction numbers (R0- … R9- prefixed), 1,005,570 payments in one CSV. Usage: make-spend-input.sh [OUT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_file=${SPEND_BENCH_SOURCE:-$here/../../shared/data/spend-devon-benchmark/devon-cc-spend-over-500-FY2016-17-combined.csv}
out=${1:-/tmp/placeshaper-spend-1m.csv}
[ -f "$source_file" ] || { echo "no benchmark source at $source_file (set SPEND_BENCH_SOURCE)" >&2; exit 1; }
head -n 1 "$source_file" > "$out"
for k in 0 1 2 3 4 5 6 7 8 9; do
  # Body, Name of Body and Date never hold commas or quotes in this file, so the fourth field starts after the third comma.
  tail -n +2 "$source_file" | sed -E "s/^([^,]*,[^,]*,[^,]*,)/\\1R$k-/" >> "$out"
done
rows=$(($(wc -l < "$out") - 1))
echo "$out: $rows rows"
[ "$rows" -eq 1005570 ] || { echo "expected 1,005,570 rows" >&2; exit 1; }
