#!/usr/bin/env bash
# Sweep scaling with cores: the 1000-cell grid benchmarks/sweep-1000.json with the in-process engine on 1 and 2
# threads, then with the Spark engine (local[2]); checks that all three runs wrote the same bytes. Each run starts
# from an empty output directory. The in-process runs go through ./loopbound, as a user's do (its JVM flags for
# sweep: C1 only, the serial collector and a class-data archive, see RESULTS.md); the Spark run executes the spark/ module's shaded jar.
# Prints wall time and the CPU time (user + system) of each run, and the 1-minute load average before it: on a shared
# machine wall time includes waiting for a core. RUNS (default 5) pairs of 1- and 2-thread runs; the median pair ratio
# is the speed-up. Usage: [GRID=FILE] [RUNS=N] benchmarks/sweep_scaling.sh [WORKDIR]
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
  wall=$(echo "$end - $start" | bc)
  printf '%-14s %8.2f s wall %8.1f s CPU   (load before: %s)\n' "$name" "$wall" \
      "$(awk '{print $1 + $2}' "$work/$name.time")" "$load"
}
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# RUNS pairs, 1 thread then 2 threads, one after the other: this machine's speed drifts by up to ~25 % for seconds
# at a time, so a pair's two runs see nearly the same machine and the median pair ratio is the figure.
: >"$work/ratios"; : >"$work/one"; : >"$work/two"
for ((i = 1; i <= ${RUNS:-5}; i++)); do
  run local-1 "$here/loopbound" sweep "$grid" --threads 1; one=$wall
  run local-2 "$here/loopbound" sweep "$grid" --threads 2; two=$wall
  echo "$one" >>"$work/one"; echo "$two" >>"$work/two"
  echo "$one / $two" | bc -l >>"$work/ratios"
  cmp "$work/local-1/results.csv" "$work/local-2/results.csv"
done
printf 'median of %d pairs: 1 thread %.2f s, 2 threads %.2f s; speed-up per pair: median %.2f (min %.2f, max %.2f)\n' \
    "${RUNS:-5}" "$(median <"$work/one")" "$(median <"$work/two")" "$(median <"$work/ratios")" \
    "$(sort -g "$work/ratios" | head -1)" "$(sort -g "$work/ratios" | tail -1)"
# What ./loopbound runs for --engine spark, without its staleness check (a rebuild must not land in a timing).
run spark-2 java "@$here/spark/jvm.options" -cp "$jar:$(cat "$here/spark/target/spark-classpath.txt")" \
    org.loopbound.cli.Main sweep "$grid" --threads 2 --engine spark
for f in results.csv results.jsonl summary/index.html; do
  cmp "$work/local-1/$f" "$work/local-2/$f"
  cmp "$work/local-1/$f" "$work/spark-2/$f"
done
diff -r "$work/local-1" "$work/spark-2" >/dev/null && echo "all outputs byte-identical (local-1, local-2, spark-2)"
