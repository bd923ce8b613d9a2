"""Baseline: pandas read_csv with date parsing, then to_sql into a fresh SQLite file, timed."""
import os, sqlite3, sys, tempfile, time
import pandas as pd

started = time.perf_counter()
frame = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
frame["Date"] = pd.to_datetime(frame["Date"], format="%d/%m/%Y")
frame["Amount"] = pd.to_numeric(frame["Amount"])
with tempfile.TemporaryDirectory() as directory:
    connection = sqlite3.connect(os.path.join(directory, "pandas.db"))
    frame.to_sql("spend", connection, index=False)
    connection.commit()
    connection.close()
print(f"pandas load: {time.perf_counter() - started:.2f} s ({len(frame)} rows)")
