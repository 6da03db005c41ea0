#!/usr/bin/env python3
"""1 000 mixed bound / threshold / kde-bias queries through one `loopbound serve` process (issue 18 item 3).

  benchmarks/serve_queries.py [--queries 1000] [--cli-sample 10] [--jvm-options OPTS] [--out FILE]

The queries are drawn from a fixed seed over the documented domains (every scenario of `bound` with the three
learning-error models, `threshold p1/p2/d2/d1`, `kde-bias` with and without real data), and sent one at a time
through the Python client (clients/python/loopbound_oracle.py), as a test suite would: write a request, wait for its
line. Timed: the whole run from starting the JVM to the last response (the figure against the target of 10 s), and
each query's round trip. Every response must be an answer (an error fails the run). For comparison, --cli-sample
of the same queries are run as separate `java -jar` processes, one JVM each. The jar is $LOOPBOUND_JAR (default
target/loopbound.jar). Prints a summary and writes every figure, the machine and its load as JSON.
"""
import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "clients", "python"))
from loopbound_oracle import Oracle  # noqa: E402

FRACTIONS = ["1/10", "1/4", "1/3", "1/2", "2/3", "3/4", "9/10"]
ALPHAS = ["1/4", "1/3", "1/2", "2/3", "3/4"]


def learner(rng):
    kind = rng.choice(["eps", "rate", "atoms"])
    if kind == "eps":
        return {"eps": rng.choice(["1/100", "1/50", "1e-3", "0.05"])}
    if kind == "rate":
        return {"rate": f"{rng.choice(['1', '2', '1/2'])},{rng.choice(ALPHAS)}"}
    return {"atoms": rng.choice([2, 10, 100]), "delta": rng.choice(["1/100", "1e-3"])}


def bound(rng):
    scenario = rng.choice(["fully-synthetic", "fixed-proportion", "last-injection", "growing-size",
                           "periodic-injection", "accumulate", "expanding-synthetic"])
    a = {"scenario": scenario, "generations": rng.randint(1, 50)}
    if scenario in ("accumulate", "expanding-synthetic"):
        a.update(real=rng.choice([100, 1000, 10000]), synthetic=rng.choice([0, 100, 500, 5000]))
    else:
        a["n"] = rng.choice([100, 1000, 10000, 10**6])
    if scenario in ("fixed-proportion", "last-injection", "periodic-injection"):
        a["lambda"] = rng.choice(FRACTIONS)
    if scenario == "growing-size":
        a.update({"lambda": rng.choice(["0"] + FRACTIONS), "growth-exponent": rng.randint(0, 3)})
    if scenario == "periodic-injection":
        a["period"] = rng.randint(1, 5)
    a.update(learner(rng))
    return {"command": "bound", "args": a}


def threshold(rng):
    kind = rng.choice(["p1", "p2", "d2", "d1"])
    if kind in ("p1", "p2"):
        a = {"alpha": rng.choice(ALPHAS), "b": rng.choice(["1", "2", "1/2"]), "real": rng.choice([10, 100, 1000])}
        if kind == "p2":
            a["generations"] = rng.randint(1, 10)
    elif kind == "d2":
        a = {"m": rng.choice([10, 100, 1000]), "n": rng.choice([100, 1000, 10**6])}
    else:
        a = {"scenario": "fixed-proportion", "lambda": rng.choice(FRACTIONS), "n": rng.choice([1000, 10**5]),
             "m": rng.choice([10, 100]), "generations": rng.randint(1, 20)}
    return {"command": "threshold " + kind, "args": a}


def kde_bias(rng):
    return {"command": "kde-bias", "args": {"bandwidth": rng.choice(["1/10", "1/5", "1/2", "1"]),
                                            "lambda": rng.choice(["0", "1/4", "1/2"]),
                                            "generations": rng.randint(0, 10)}}


def queries(count, seed=18):
    rng = random.Random(seed)
    return [rng.choices([bound, threshold, kde_bias], weights=[4, 4, 2])[0](rng) for _ in range(count)]


def argv(q):
    out = q["command"].split()
    for k, v in q["args"].items():
        out += [f"--{k}", str(v)]
    return out + ["--json"]


def cpu_seconds(pid):
    """User + system CPU time of a process so far (all its threads: the request's, JIT compilers, GC)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine():
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = re.search(r"Model name:\s*(.*)", lscpu)
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return {"nproc": os.cpu_count(), "cpu": model.group(1).strip() if model else "?", "java": java,
            "python": sys.version.split()[0]}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--queries", type=int, default=1000)
    p.add_argument("--cli-sample", type=int, default=10)
    p.add_argument("--out", default=None)
    p.add_argument("--jvm-options", default=None,
                   help="JVM options of the serve process, space-separated (default: the client's, C1 only;"
                        " '' for the JVM's default tiered compilation)")
    a = p.parse_args()
    jar = os.environ.get("LOOPBOUND_JAR", os.path.join(ROOT, "target", "loopbound.jar"))
    if not os.path.exists(jar):
        sys.exit(f"no jar at {jar}: build it (./loopbound --version) or set LOOPBOUND_JAR")
    qs = queries(a.queries)
    res = {"jar": jar, "queries": a.queries, "machine": machine(),
           "load_before": open("/proc/loadavg").read().split()[:3]}

    trips = {}
    t0 = time.perf_counter()
    options = {} if a.jvm_options is None else {"jvm_options": a.jvm_options.split()}
    with Oracle(jar, **options) as lb:
        res["command"] = lb.command
        first = None
        for q in qs:
            t = time.perf_counter()
            lb.request(q)  # raises on an error response
            if first is None:
                first = time.perf_counter() - t0
            trips.setdefault(q["command"].split()[0], []).append(time.perf_counter() - t)
        total = time.perf_counter() - t0
        cpu = cpu_seconds(lb._process.pid)
    res["load_after_serve"] = open("/proc/loadavg").read().split()[:3]
    res["serve"] = {"total_s": total, "cpu_s": cpu, "first_response_s": first,
                    "per_command": {c: {"count": len(v), "median_s": statistics.median(v), "max_s": max(v),
                                        "sum_s": sum(v)} for c, v in sorted(trips.items())}}

    cli = []
    for q in qs[:a.cli_sample]:
        t = time.perf_counter()
        subprocess.run(["java", "-jar", jar] + argv(q), check=True, capture_output=True)
        cli.append(time.perf_counter() - t)
    if cli:
        res["cli"] = {"sample": len(cli), "median_s": statistics.median(cli), "walls_s": cli,
                      "extrapolated_total_s": statistics.median(cli) * a.queries}
    res["load_after"] = open("/proc/loadavg").read().split()[:3]

    print(f"machine: {res['machine']}; load average before {res['load_before']}, after {res['load_after']}")
    print(f"serve process: {' '.join(res['command'])}")
    s = res["serve"]
    print(f"serve: {a.queries} queries in {s['total_s']:.2f} s wall (JVM start and first answer"
          f" {s['first_response_s']:.2f} s), {s['cpu_s']:.2f} s CPU -- target < 10 s wall:"
          f" {'ok' if s['total_s'] < 10 else 'MISSED'}")
    for c, v in s["per_command"].items():
        print(f"  {c:10} {v['count']:5} queries, median {v['median_s'] * 1000:7.2f} ms, max"
              f" {v['max_s'] * 1000:8.1f} ms, total {v['sum_s']:6.2f} s")
    if cli:
        print(f"one JVM per query (first {len(cli)} queries): median {res['cli']['median_s']:.3f} s, i.e. about"
              f" {res['cli']['extrapolated_total_s']:.0f} s for all {a.queries}")
    if a.out:
        with open(a.out, "w") as f:
            json.dump(res, f, indent=1)
        print(f"written: {a.out}")


if __name__ == "__main__":
    main()
