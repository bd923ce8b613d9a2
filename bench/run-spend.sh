#!/usr/bin/env bash
# The spend benchmark (issue 7): makes the million-row input, measures the DuckDB and pandas baselines when they can be
# installed, then `placeshaper bench spend` (import into SQLite, and PostgreSQL when PLACESHAPER_BENCH_POSTGRES is a
# connection string), and prints each figure with its ratio to the baselines, all measured in this run.
# Usage: bench/run-spend.sh [INPUT]. RUNS (default 3) is how many times each figure is measured: this machine's speed
# changes from run to run, so the bench compares medians (docs/spend.md, eighth measurement).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# Debian's pandas is installed for the system Python; a pyenv or venv python3 earlier on PATH would not see it.
py=/usr/bin/python3; [ -x "$py" ] || py=python3
input=${1:-/tmp/placeshaper-spend-1m.csv}
runs=${RUNS:-3}
[ -f "$input" ] || "$here/make-spend-input.sh" "$input" || exit 1
log=$(mktemp)
published=""
trap 'rm -rf "$log" ${published:+"$published"}' EXIT

# Baselines are installed here, by this script, never by hand: DuckDB from npm into bench/node_modules, pandas from Debian.
if command -v npm >/dev/null && [ ! -d "$here/node_modules/@duckdb/node-api" ]; then
  (cd "$here" && npm install --no-save --no-audit --no-fund @duckdb/node-api >/dev/null 2>&1) || echo "DuckDB (@duckdb/node-api) could not be installed: no DuckDB baseline"
fi
if ! "$py" -c 'import pandas' 2>/dev/null; then
  # A fresh machine has no package index yet: update it and try once more.
  (apt-get install -y python3-pandas >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y python3-pandas >/dev/null 2>&1; }) \
    || echo "python3-pandas could not be installed: no pandas baseline"
fi

# The baselines take turns, so a slower spell of the machine falls on each alike.
[ -d "$here/node_modules/@duckdb/node-api" ] || echo "duckdb load: unavailable"
"$py" -c 'import pandas' 2>/dev/null || echo "pandas load: unavailable"
for ((run = 1; run <= runs; run++)); do
  if [ -d "$here/node_modules/@duckdb/node-api" ]; then
    node "$here/duckdb-load.mjs" "$input" | tee -a "$log" || echo "duckdb load: failed"
    node "$here/duckdb-load.mjs" "$input" --file | tee -a "$log" || echo "duckdb load into a file: failed"
  fi
  if "$py" -c 'import pandas' 2>/dev/null; then "$py" "$here/pandas-load.py" "$input" | tee -a "$log" || echo "pandas load: failed"; fi
done

# Placeshaper as it is deployed (README): published for this machine's runtime, libraries compiled ahead of time.
published=$(mktemp -d)
dotnet publish "$here/../src/Placeshaper" -c Release --use-current-runtime --self-contained false -o "$published" -v q >/dev/null || exit 1
postgres=()
[ -n "${PLACESHAPER_BENCH_POSTGRES:-}" ] && postgres=(--postgres "$PLACESHAPER_BENCH_POSTGRES")
CI=1 "$published/placeshaper" bench spend "$input" --import-runs "$runs" "${postgres[@]}" | tee -a "$log"

python3 - "$log" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
def seconds(pattern):
    """The median of the figure's runs (the baselines print one line a run)."""
    found = [float(s) for s in re.findall("^" + pattern + r": ([0-9.]+) s", text, re.M)]
    return statistics.median(found) if found else None
duck, duck_file, pandas = seconds("duckdb load"), seconds("duckdb load into a file"), seconds("pandas load")
# SQLite's import, from its own section; with several runs, its median line stands for them.
sqlite = text.split("-- Sqlite", 1)[-1].split("-- Postgres", 1)[0] if "-- Sqlite" in text else ""
def first(pattern):
    found = re.findall("^" + pattern + r": ([0-9.]+) s", sqlite, re.M)
    return float(found[0]) if found else None
ours = first(r"import end to end, median of \d+") or first("import end to end")
print("--")
if ours is None:
    sys.exit("no Placeshaper figure")
# DuckDB both ways (docs/spend.md, "The DuckDB baseline"): in memory, as the bar has been measured since the first
# run, and into a database file, as a Placeshaper import stores its payments.
if duck: print(f"Placeshaper/DuckDB: {ours / duck:.2f}× DuckDB's time, DuckDB loading into memory (target ≤ 1×)")
if duck_file: print(f"Placeshaper/DuckDB into a file: {ours / duck_file:.2f}× DuckDB's time, DuckDB loading into a database file (target ≤ 1×)")
if pandas: print(f"pandas/Placeshaper: {pandas / ours:.2f}× faster than pandas (target ≥ 3×)")
# SQLite's own share, with no file read or parsed (docs/spend.md, tenth measurement).
storing = first(r"SQLite storing alone")
if duck and storing: print(f"SQLite storing alone/DuckDB: {storing / duck:.2f}× DuckDB's whole load into memory, for SQLite's inserting and committing the rows alone")
PY
