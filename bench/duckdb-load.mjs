// Baseline: DuckDB's own CSV load of the benchmark input into a table, timed in-process. Two ways:
//   node duckdb-load.mjs FILE           into a table in memory, gone when the process ends;
//   node duckdb-load.mjs FILE --file    into a table in a new database file, checkpointed so that the table is in the
//                                       file, as a Placeshaper import leaves its payments in the SQLite file.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const file = process.argv[2];
const toFile = process.argv.includes('--file');
const directory = toFile ? mkdtempSync(join(tmpdir(), 'duckdb-load-')) : null;
try {
  const started = performance.now();
  const instance = await DuckDBInstance.create(toFile ? join(directory, 'spend.duckdb') : ':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE spend AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, dateformat = '%d/%m/%Y')`);
  if (toFile) {
    await connection.run('CHECKPOINT');
  }
  const reader = await connection.runAndReadAll('SELECT COUNT(*) FROM spend');
  const seconds = (performance.now() - started) / 1000;
  console.log(`duckdb load${toFile ? ' into a file' : ''}: ${seconds.toFixed(2)} s (${reader.getRows()[0][0]} rows)`);
  connection.closeSync();
  instance.closeSync();
} finally {
  if (directory) {
    rmSync(directory, { recursive: true, force: true });
  }
}
