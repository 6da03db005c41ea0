#!/usr/bin/env python3
"""NumPy reference of loopbound's discrete loop (org.loopbound.sim.Simulator), for the speed comparison.

Same semantics as `loopbound simulate --mixing stratified --learner empirical`:
  generation 0 fits N real draws from p0; generation i >= 1 fits exactly lambda*N real draws from p0 plus
  (1 - lambda)*N draws from the previous model p_{i-1} (fixed-proportion; fully-synthetic is lambda = 0); the model is
  the empirical distribution counts/N. Per generation and replicate it measures what the Java simulator measures:
  the exact TV numerator L = sum_j |w_j*D - a_j*T| (TV = L / (2*T*D), p0 = a/D, T = N), Gini-Simpson 1 - sum p^2,
  Shannon entropy, atoms lost and the fixed atom.

Written the way a competent NumPy user would: all replicates advance together as one (R, k) array, each generation is
two vectorised Generator.multinomial calls (pvals broadcast over rows; NumPy draws each row by conditional binomials,
BTPE, in C) and the measures are whole-array int64/float64 expressions. The random streams differ from Java's, so
the outputs agree in distribution, not bit for bit; the exact TV of given counts agrees exactly (--tv-oracle).

Usage:
  numpy_loop.py --scenario fixed-proportion --k 1000 --n 1000000 --lambda 1/2 --generations 200 --replicates 64 \
                --seed 1 --repeat 3          # prints one JSON line: median seconds of the loop, mean TV of the last
  numpy_loop.py --tv-oracle < counts.txt   # each line "T D a_0..a_{k-1} | w_0..w_{k-1}": prints L per line
"""
import argparse
import json
import statistics
import sys
import time
from fractions import Fraction

import numpy as np


def tv_numerators(w, total, a, d):
    """L = sum_j |w_j*D - a_j*T| for every row of the int64 array w (exact: refuses products that could overflow)."""
    if int(w.max(initial=0)) * d >= 2**62 or int(a.max(initial=0)) * total >= 2**62:
        raise OverflowError("w*D or a*T does not fit in int64")
    return np.abs(w * d - a * total).sum(axis=-1)


def measures(w, total, a, d):
    """(TV numerators, Gini-Simpson, entropy, atoms lost, fixed atom or -1), one value per row."""
    tv = tv_numerators(w, total, a, d)
    p = w / total
    gini = 1.0 - np.einsum("ij,ij->i", p, p)
    with np.errstate(divide="ignore", invalid="ignore"):
        entropy = -np.where(w > 0, p * np.log(p), 0.0).sum(axis=1)
    lost = ((w == 0) & (a > 0)).sum(axis=1)
    fixed = np.where(w.max(axis=1) == total, w.argmax(axis=1), -1)
    return tv, gini, entropy, lost, fixed


def run_loop(rng, scenario, k, n, lam, generations, replicates):
    """Runs the loop; returns the (generations+1, R) array of exact TV numerators (int64)."""
    a = np.ones(k, dtype=np.int64)  # p0 = uniform:k, a_j = 1, D = k
    d = k
    p0 = np.full(k, 1.0 / k)
    real = n * lam
    if real.denominator != 1:
        raise ValueError("stratified mixing needs lambda*N to be whole")
    real = int(real)
    synthetic = n - real
    tv = np.empty((generations + 1, replicates), dtype=np.int64)
    w = rng.multinomial(n, p0, size=replicates)
    tv[0] = measures(w, n, a, d)[0]
    for i in range(1, generations + 1):
        fresh = rng.multinomial(synthetic, w / n)
        if real:
            fresh += rng.multinomial(real, p0, size=replicates)
        w = fresh
        tv[i] = measures(w, n, a, d)[0]
    return tv


def tv_oracle(lines):
    for line in lines:
        line = line.strip()
        if not line:
            continue
        head, weights = line.split("|")
        fields = [int(x) for x in head.split()]
        total, d, a = fields[0], fields[1], np.array(fields[2:], dtype=np.int64)
        w = np.array([int(x) for x in weights.split()], dtype=np.int64)
        print(int(tv_numerators(w[None, :], total, a, d)[0]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenario", choices=["fixed-proportion", "fully-synthetic"], default="fixed-proportion")
    ap.add_argument("--k", type=int, default=1000)
    ap.add_argument("--n", type=int, default=10**6)
    ap.add_argument("--lambda", dest="lam", default="1/2")
    ap.add_argument("--generations", type=int, default=200)
    ap.add_argument("--replicates", type=int, default=64)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tv-oracle", action="store_true")
    args = ap.parse_args()
    if args.tv_oracle:
        tv_oracle(sys.stdin)
        return
    lam = Fraction(0) if args.scenario == "fully-synthetic" else Fraction(args.lam)
    times = []
    cpus = []
    tv = None
    for r in range(args.repeat):
        rng = np.random.default_rng(args.seed + r)
        t0 = time.perf_counter()
        c0 = time.process_time()
        tv = run_loop(rng, args.scenario, args.k, args.n, lam, args.generations, args.replicates)
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    last = tv[-1].astype(np.float64) / (2.0 * args.n * args.k)
    print(json.dumps({"side": "numpy", "numpy": np.__version__, "scenario": args.scenario, "k": args.k,
                      "n": args.n, "lambda": str(lam), "generations": args.generations,
                      "replicates": args.replicates, "times_s": times, "median_s": statistics.median(times),
                      "cpu_s": cpus, "median_cpu_s": statistics.median(cpus),
                      "mean_tv_last": float(last.mean())}))


if __name__ == "__main__":
    main()
