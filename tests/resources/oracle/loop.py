#!/usr/bin/env python3
"""A small reference simulator of the discrete self-consuming loop, in plain Python + NumPy, written independently
of loopbound's Java simulator: the acceptance test of `loopbound check-sim` (issue 18). It writes the CSV that
check-sim reads (replicate,generation,tv,gini_simpson,count_0..count_{k-1}).

Scenarios (as `loopbound simulate` declares them; the empirical learner p_i = counts/N_i):
  fully-synthetic    generation 0 fits N draws from p0; generation i >= 1 fits N draws from p_{i-1}
  fixed-proportion   generation i >= 1: exactly lambda*N draws from p0 and the rest from p_{i-1} (stratified)
  accumulate         N_j = r + j*s: r draws from p0 and s from each earlier model p_0..p_{j-1}

--bug plants one mistake (the correct loop has none):
  off-by-one   generation 0 is fitted twice: the row labelled i is the model after i+2 fits (generation i+1)
  ddof         gini_simpson is written with the "unbiased" ddof=1 correction N/(N-1)*(1 - sum p^2) instead of the
               plug-in 1 - sum p^2 of the model the loop fits (the model itself is right)
  from-p0      the synthetic draws come from p0 instead of the previous model
  stale        the synthetic draws of generation i >= 2 come from p_{i-2} (a swapped buffer) instead of p_{i-1}
  binomial     the number of real draws is Binomial(N, lambda) instead of exactly lambda*N (iid, not stratified)
  replace      accumulate implemented as replace: all j*s synthetic draws come from p_{j-1} only

--runs M writes M files run-SEED.csv (seeds SEED..SEED+M-1) into --out-dir, in one process.
"""
import argparse
import fractions
import os
import sys

import numpy as np

BUGS = ["off-by-one", "ddof", "from-p0", "stale", "binomial", "replace"]


def parse_p0(text):
    w = [fractions.Fraction(x) for x in text.split(",")]
    if sum(w) != 1 or any(x < 0 for x in w):
        raise SystemExit("--p0 must be weights >= 0 summing to 1")
    return np.array([float(x) for x in w])


def sizes(a):
    g = a.generations
    if a.scenario == "accumulate":
        return [a.real + j * a.synthetic for j in range(g + 1)]
    return [a.n] * (g + 1)


def run(a, p0, seed):
    """Returns per generation (counts array R x k, N_i), for generations 0..g."""
    rng = np.random.Generator(np.random.PCG64(seed))
    R, k, g = a.replicates, len(p0), a.generations
    lam = float(fractions.Fraction(a.lam))
    ns = sizes(a)
    models = []  # p_0, p_1, ... each R x k
    out = []
    extra = 1 if a.bug == "off-by-one" else 0
    for i in range(g + 1 + extra):
        n = ns[min(i, g)] if a.scenario == "accumulate" else a.n
        if i == 0:
            counts = rng.multinomial(n, p0, size=R)
        elif a.scenario == "fully-synthetic":
            counts = rng.multinomial(n, source(a, p0, models, i, R), size=None)
        elif a.scenario == "fixed-proportion":
            if a.bug == "binomial":
                real = rng.binomial(n, lam, size=R)
            else:
                real = np.full(R, int(round(lam * n)))
            counts = rng.multinomial(real, np.broadcast_to(p0, (R, k)))
            counts += rng.multinomial(n - real, source(a, p0, models, i, R))
        else:  # accumulate
            counts = rng.multinomial(a.real, p0, size=R)
            if a.bug == "replace":
                counts += rng.multinomial(i * a.synthetic, source(a, p0, models, i, R))
            else:
                for l in range(i):
                    counts += rng.multinomial(a.synthetic, models[l])
        models.append(counts / n)
        out.append((counts, n))
    return out[extra:]


def source(a, p0, models, i, R):
    """The model generation i draws its synthetic data from (previous-generation scenarios)."""
    if a.bug == "from-p0":
        return np.broadcast_to(p0, (R, len(p0)))
    if a.bug == "stale" and i >= 2:
        return models[i - 2]
    return models[i - 1]


def write(a, p0, seed, path):
    gens = run(a, p0, seed)
    k = len(p0)
    lines = ["replicate,generation,tv,gini_simpson," + ",".join("count_%d" % j for j in range(k))]
    for i, (counts, n) in enumerate(gens):
        p = counts / n
        tv = 0.5 * np.abs(p - p0).sum(axis=1)
        gini = 1 - (p * p).sum(axis=1)
        if a.bug == "ddof":
            gini = gini * n / (n - 1)
        for r in range(a.replicates):
            lines.append("%d,%d,%r,%r,%s" % (r, i, float(tv[r]), float(gini[r]), ",".join(str(int(c)) for c in counts[r])))
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenario", choices=["fully-synthetic", "fixed-proportion", "accumulate"],
                    default="fully-synthetic")
    ap.add_argument("--p0", default="1/2,1/3,1/6")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--lambda", dest="lam", default="1/2")
    ap.add_argument("--real", type=int, default=10)
    ap.add_argument("--synthetic", type=int, default=10)
    ap.add_argument("--generations", type=int, default=10)
    ap.add_argument("--replicates", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bug", choices=BUGS)
    ap.add_argument("--out", help="the CSV to write (default: standard output)")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--out-dir")
    a = ap.parse_args()
    p0 = parse_p0(a.p0)
    if a.runs > 1 or a.out_dir:
        for s in range(a.seed, a.seed + a.runs):
            write(a, p0, s, os.path.join(a.out_dir, "run-%d.csv" % s))
    elif a.out:
        write(a, p0, a.seed, a.out)
    else:
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "out.csv")
            write(a, p0, a.seed, path)
            sys.stdout.write(open(path).read())


if __name__ == "__main__":
    main()
