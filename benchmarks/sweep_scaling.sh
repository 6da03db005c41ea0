#!/usr/bin/env bash
# Sweep scaling with cores: the 1000-cell grid benchmarks/sweep-1000.json with the in-process engine on 1 and 2
# threads, then with the Spark engine (local[2]); checks that all three runs wrote the same bytes. Each run starts
# from an empty output directory. The in-process runs go through ./loopbound, as a user's do (its JVM flags for
# sweep: C1 only and a class-data archive, see RESULTS.md); the Spark run executes the spark/ module's shaded jar.
# Prints wall time and the CPU time (user + system) of each run, and the 1-minute load average before it: on a shared
# machine wall time includes waiting for a core. Usage: benchmarks/sweep_scaling.sh [WORKDIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
grid="${GRID:-$here/benchmarks/sweep-1000.json}"
"$here/loopbound" sweep --engine spark --help >/dev/null     # build the Spark module outside the timings
# Build the jar and the sweep's class-data archive (made on first use) outside the timings.
warm="$work/warm.json"
printf '%s\n' '{"parameters": {"scenario": "fixed-proportion", "p0": "uniform:10", "delta": "1/100"},' \
  '"axes": {"lambda": {"from": "1/2", "to": "1", "step": "1/2"}, "n": {"from": 100, "to": 200, "step": 100},' \
  '"generations": {"from": 1, "to": 2, "step": 1}}, "replicates": 10, "seed": 1}' >"$warm"
rm -rf "$work/warm"
"$here/loopbound" sweep "$warm" --out "$work/warm" >/dev/null
jar="$here/spark/target/loopbound-spark.jar"
run() {
  local name="$1"; shift
  rm -rf "$work/$name"
  local load start end
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/$name.time" "$@" --out "$work/$name" >/dev/null
  end=$(date +%s.%N)
  printf '%-14s %8.1f s wall %8.1f s CPU   (load before: %s)\n' "$name" "$(echo "$end - $start" | bc)" \
      "$(awk '{print $1 + $2}' "$work/$name.time")" "$load"
}
run local-1 "$here/loopbound" sweep "$grid" --threads 1
run local-2 "$here/loopbound" sweep "$grid" --threads 2
# What ./loopbound runs for --engine spark, without its staleness check (a rebuild must not land in a timing).
run spark-2 java "@$here/spark/jvm.options" -cp "$jar:$(cat "$here/spark/target/spark-classpath.txt")" \
    org.loopbound.cli.Main sweep "$grid" --threads 2 --engine spark
for f in results.csv results.jsonl summary/index.html; do
  cmp "$work/local-1/$f" "$work/local-2/$f"
  cmp "$work/local-1/$f" "$work/spark-2/$f"
done
diff -r "$work/local-1" "$work/spark-2" >/dev/null && echo "all outputs byte-identical (local-1, local-2, spark-2)"
