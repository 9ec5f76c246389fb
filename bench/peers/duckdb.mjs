// The DuckDB peer of issue 17: what bench/analysis/pandas_baseline.py does, in DuckDB 1.5 through its Node API:
// read the CSV export, NPS by segment, touchpoint means and the correlations of recommend with each touchpoint.
// Usage: node bench/peers/duckdb.mjs data.csv   (prints the results and the elapsed seconds)
import { DuckDBInstance } from "@duckdb/node-api";

const start = performance.now();
const file = process.argv[2];
const instance = await DuckDBInstance.create(":memory:");
const db = await instance.connect();
await db.run(
  `CREATE TABLE r AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', nullstr = ['', 'na'], header = true)`,
);
const columns = (await (await db.runAndReadAll("DESCRIBE r")).getRowObjects())
  .map((c) => c.column_name)
  .filter((c) => c.startsWith("touchpoints."));
const q = (c) => `"${c.replaceAll('"', '""')}"`;
const nps = await db.runAndReadAll(`
  SELECT segment, avg(CASE WHEN recommend >= 9 THEN 100 WHEN recommend <= 6 THEN -100 ELSE 0 END) AS nps, count(recommend) AS n
  FROM r GROUP BY segment ORDER BY segment`);
const means = await db.runAndReadAll(`SELECT ${columns.map((c) => `avg(${q(c)}) AS ${q(c)}`).join(", ")} FROM r`);
const correlations = await db.runAndReadAll(
  `SELECT ${columns.map((c) => `corr(recommend, ${q(c)}) AS ${q(c)}`).join(", ")} FROM r`,
);
const elapsed = (performance.now() - start) / 1000;
console.log(JSON.stringify(nps.getRowObjectsJson()));
console.log(JSON.stringify(means.getRowObjectsJson()));
console.log(JSON.stringify(correlations.getRowObjectsJson()));
console.log(`${elapsed.toFixed(3)} s`);
