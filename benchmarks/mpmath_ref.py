#!/usr/bin/env python3
"""mpmath.iv references of loopbound's certified R3 recursion and P2 threshold, for the speed comparison.

r3: B_0 = eps, B_i = (1 - lambda)*B_{i-1} + eps for i = 1..g in interval arithmetic at --prec bits, every B_i kept
    (as org.loopbound.bound.R3UnrolledBound.recursion returns them all), with eps = eps(N, delta, k) of EPS-EMP,
    (sqrt((k-1)/N) + sqrt(2 ln(1/delta)/N)) / 2, enclosed once, and 1 - lambda enclosed once (as the Java side does).
p2: the maximiser s* of F_i(s) = b r^-a x^i + b N^-a sum_{j<i} x^j (N = r + s, x = s/N) to width --width, by the
    same method as org.loopbound.bound.P2UnrolledPhaseTransition.maximizer: in t = s/r the criterion
    kappa(t) = (1-a) sum_{k<i} C(i-1,k)/(k+1) t^-k - 1 + (1+t)^(a-1) is strictly decreasing with one zero t*;
    bracket by doubling, then Newton steps from the left end computed on midpoints, each new end accepted only after
    the sign of kappa there is certified by interval arithmetic (bisection when Newton does not help), a final
    bracket of 7/8 of the target width centred on the converged iterate, and the sign change of F_i'(s) at both
    ends certified again from the s-space formula. Precision: the isolation at --prec - 32 bits and the final
    certificate at --prec bits, as the Java side does (it reports --prec as the precision its certificate needed,
    205 bits for the default workload; the benchmark passes that same number).

Each prints one JSON line with the median seconds over --repeat runs and the result, so the two sides can be
checked to agree.
"""
import argparse
import json
import statistics
import time
from fractions import Fraction

import mpmath
from mpmath import iv, mpf


def ivq(q):
    """An enclosure of the rational q at the current iv precision."""
    q = Fraction(q)
    return iv.mpf(q.numerator) / q.denominator


def r3(g, n, k, delta, lam):
    eps = (iv.sqrt(iv.mpf(k - 1) / n) + iv.sqrt(2 * (-iv.log(ivq(delta))) / n)) / 2
    factor = 1 - ivq(lam)
    b = [eps]
    last = eps
    for _ in range(g):
        last = factor * last + eps
        b.append(last)
    return b


def p2(alpha, bq, r, i, width, prec):
    # As in Java: the isolation runs at prec - 32 bits, the final sign certificate of F_i' at prec bits.
    iv.prec = mpmath.mp.prec = prec - 32
    a = ivq(alpha)
    one_minus_a = 1 - a
    coeff = []
    binom = 1
    for k in range(i):
        coeff.append(ivq(Fraction(binom, k + 1)))
        binom = binom * (i - 1 - k) // (k + 1)

    def value_and_slope(t):
        u = 1 / t
        poly = iv.mpf(0)
        slope = iv.mpf(0)
        for k in range(i - 1, -1, -1):
            poly = poly * u + coeff[k]
            if k >= 1:
                slope = slope * u + coeff[k] * k
        y = 1 + t
        y_pow = iv.exp((a - 1) * iv.log(y))
        value = one_minus_a * poly - 1 + y_pow
        dslope = -(one_minus_a * u * u * slope + one_minus_a * y_pow / y)
        return value, dslope

    def kappa(t):
        return value_and_slope(t)[0]

    def positive(x):
        return mpf(x.a) > 0

    def negative(x):
        return mpf(x.b) < 0

    def brackets(lo_, hi_):
        return positive(kappa(iv.mpf(lo_))) and negative(kappa(iv.mpf(hi_)))

    eps_t = Fraction(width) / Fraction(r) * Fraction(7, 8)
    eps = mpf(eps_t.numerator) / eps_t.denominator
    half = eps / 2
    lo, hi = mpf(0), mpf(1)
    while True:
        v = kappa(iv.mpf(hi))
        if negative(v):
            break
        if positive(v):
            lo = hi
        hi *= 2
    while hi - lo > eps:
        mid = (lo + hi) / 2
        c = mid
        if lo > 0:
            value, slope = value_and_slope(iv.mpf(lo))
            s_mid = mpf(slope.mid)
            if s_mid < 0:
                step = mpf(value.mid) / (-s_mid)
                c = lo + step
                if step < eps / 4 and c > half and brackets(c - half, c + half):
                    lo, hi = c - half, c + half
                    break  # width eps (Java's exact dyadics end the loop here; mpf rounding might not)
        if c <= lo or c >= hi:
            c = mid
        kc = kappa(iv.mpf(c))
        if positive(kc):
            lo = c
        elif negative(kc):
            hi = c
        elif c > half and brackets(c - half, c + half):
            lo, hi = c - half, c + half
            break
        else:
            raise ArithmeticError("sign undecided: raise --prec")

    iv.prec = mpmath.mp.prec = prec
    a, one_minus_a = ivq(alpha), 1 - ivq(alpha)
    bb, ri = ivq(bq), ivq(r)

    def derivative(s):
        nn = ri + s
        x = s / nn
        ssum = iv.mpf(0)
        for _ in range(i):
            ssum = ssum * x + 1
        slope = iv.mpf(0)
        for j in range(i - 1, 0, -1):
            slope = slope * x + j
        last = i * iv.exp(one_minus_a * iv.log(ri)) * x ** (i - 1)
        inner = ri * slope - a * nn * ssum
        return bb / (nn * nn) * (last + iv.exp(-a * iv.log(nn)) * inner)

    s_lo, s_hi = ri * iv.mpf(lo), ri * iv.mpf(hi)
    d_lo, d_hi = derivative(iv.mpf(s_lo.a)), derivative(iv.mpf(s_hi.b))
    if not (positive(d_lo) and negative(d_hi)):
        raise ArithmeticError("F_i' sign change not certified: raise --prec")
    return iv.mpf([s_lo.a, s_hi.b])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    a3 = sub.add_parser("r3")
    a3.add_argument("--generations", type=int, default=100000)
    a3.add_argument("--n", type=int, default=1000)
    a3.add_argument("--atoms", type=int, default=10)
    a3.add_argument("--delta", default="1/1000")
    a3.add_argument("--lambda", dest="lam", default="1/10")
    a3.add_argument("--prec", type=int, default=200)
    a3.add_argument("--repeat", type=int, default=3)
    a2 = sub.add_parser("p2")
    a2.add_argument("--alpha", default="1/2")
    a2.add_argument("--b", default="1")
    a2.add_argument("--real", default="100")
    a2.add_argument("--generations", type=int, default=10)
    a2.add_argument("--width", default="1e-30")
    a2.add_argument("--prec", type=int, default=205)
    a2.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    iv.prec = args.prec
    mpmath.mp.prec = args.prec  # the Newton iterates (midpoints) are plain mpf numbers at the same precision
    times = []
    cpus = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        c0 = time.process_time()
        if args.what == "r3":
            out = r3(args.generations, args.n, args.atoms, Fraction(args.delta), Fraction(args.lam))
            result = out[-1]
        else:
            result = p2(Fraction(args.alpha), Fraction(args.b), Fraction(args.real), args.generations,
                        Fraction(args.width), args.prec)
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    with mpmath.workprec(args.prec):
        lo, hi = mpmath.nstr(mpf(result.a), 25), mpmath.nstr(mpf(result.b), 25)
    print(json.dumps({"side": "mpmath.iv", "mpmath": mpmath.__version__, "what": args.what, "prec": args.prec,
                      "times_s": times, "median_s": statistics.median(times), "cpu_s": cpus,
                      "median_cpu_s": statistics.median(cpus), "lo": lo, "hi": hi}))


if __name__ == "__main__":
    main()
