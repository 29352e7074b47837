"""Runs the Spark SQL query of docs/reality.md on an event log CSV and prints the
directly-follows table as CSV, like duckdb_dfg.py. Usage: python spark_dfg.py DOCS LOG

Needs pyspark and a Java runtime; it is not installed by scripts/setup (too heavy for CI).
Exits with status 3 and a message on stderr when pyspark cannot be imported."""
import csv, re, sys

try:
    from pyspark.sql import SparkSession
except ImportError as e:
    print(f"pyspark is not importable ({e})", file=sys.stderr)
    sys.exit(3)

docs, log = sys.argv[1], sys.argv[2]
text = open(docs, encoding="utf-8").read()
section = text.split("### Spark SQL", 1)[1]
query = re.search(r"```sql\n(.*?)```", section, re.S).group(1)
spark = (SparkSession.builder.master("local[1]").appName("throughline-dfg")
         .config("spark.ui.enabled", "false")
         .config("spark.sql.shuffle.partitions", "1")
         .getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
spark.sql("SET spark.sql.session.timeZone = UTC")
raw = spark.read.option("header", True).csv(log).coalesce(1)
raw.createOrReplaceTempView("raw")
# One partition, so monotonically_increasing_id() is the position in the file.
spark.sql(
    "SELECT case_id, activity, CAST(`timestamp` AS TIMESTAMP) AS ts, "
    "monotonically_increasing_id() AS seq FROM raw").createOrReplaceTempView("events")
statements = [s for s in query.split(";") if s.strip()]
for s in statements[:-1]:
    spark.sql(s)
rows = spark.sql(statements[-1]).collect()
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["from", "to", "cases", "transitions", "p50_hours", "p90_hours", "max_hours"])
for r in rows:
    out.writerow(["" if v is None else v for v in r])
spark.stop()
