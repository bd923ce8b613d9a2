// Baseline: DuckDB's own CSV load of the benchmark input into a table, timed in-process.
import { DuckDBInstance } from '@duckdb/node-api';
const file = process.argv[2];
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`CREATE TABLE spend AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, dateformat = '%d/%m/%Y')`);
const reader = await connection.runAndReadAll('SELECT COUNT(*) FROM spend');
const seconds = (performance.now() - started) / 1000;
console.log(`duckdb load: ${seconds.toFixed(2)} s (${reader.getRows()[0][0]} rows)`);
