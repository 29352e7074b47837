"""Runs the DuckDB query of docs/reality.md on an event log CSV and prints the
directly-follows table as CSV. Usage: python duckdb_dfg.py DOCS LOG"""
import csv, re, sys

import duckdb

docs, log = sys.argv[1], sys.argv[2]
text = open(docs, encoding="utf-8").read()
section = text.split("### DuckDB", 1)[1]
query = re.search(r"```sql\n(.*?)```", section, re.S).group(1)
con = duckdb.connect()
con.execute("SET TimeZone = 'UTC'")
con.execute(
    "CREATE TABLE events AS SELECT case_id, activity, CAST(\"timestamp\" AS TIMESTAMPTZ) AS ts, "
    "ROW_NUMBER() OVER () AS seq FROM read_csv(?, all_varchar = true)", [log])
statements = [s for s in query.split(";") if s.strip()]
for s in statements[:-1]:
    con.execute(s)
rows = con.execute(statements[-1]).fetchall()
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["from", "to", "cases", "transitions", "p50_hours", "p90_hours", "max_hours"])
for r in rows:
    out.writerow(["" if v is None else v for v in r])
