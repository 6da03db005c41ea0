#!/usr/bin/env bash
# Sweep scaling with cores: the 1000-cell grid benchmarks/sweep-1000.json with the in-process engine on 1 and 2
# threads, then with the Spark engine (local[2]); checks that all three runs wrote the same bytes. Each run starts
# from an empty output directory. All three run the spark/ module's shaded jar (it holds the whole of loopbound), so
# they execute one and the same build. Usage: benchmarks/sweep_scaling.sh [WORKDIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
grid="${GRID:-$here/benchmarks/sweep-1000.json}"
"$here/loopbound" sweep --engine spark --help >/dev/null     # build the Spark module outside the timings
jar="$here/spark/target/loopbound-spark.jar"
run() {
  local name="$1"; shift
  rm -rf "$work/$name"
  local start end
  start=$(date +%s.%N)
  # What ./loopbound runs for --engine spark, without its staleness check (a rebuild must not land in a timing).
  java "@$here/spark/jvm.options" -cp "$jar:$(cat "$here/spark/target/spark-classpath.txt")" org.loopbound.cli.Main \
      sweep "$grid" --out "$work/$name" "$@" >/dev/null
  end=$(date +%s.%N)
  printf '%-14s %8.1f s   (load before: %s)\n' "$name" "$(echo "$end - $start" | bc)" "$load"
}
load=$(cut -d' ' -f1-3 /proc/loadavg); run local-1 --threads 1
load=$(cut -d' ' -f1-3 /proc/loadavg); run local-2 --threads 2
load=$(cut -d' ' -f1-3 /proc/loadavg); run spark-2 --threads 2 --engine spark
for f in results.csv results.jsonl summary/index.html; do
  cmp "$work/local-1/$f" "$work/local-2/$f"
  cmp "$work/local-1/$f" "$work/spark-2/$f"
done
diff -r "$work/local-1" "$work/spark-2" >/dev/null && echo "all outputs byte-identical (local-1, local-2, spark-2)"
