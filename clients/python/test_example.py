"""A worked example: a Python project testing its own implementation against loopbound (issue 18).

Run with ``python3 -m pytest clients/python/test_example.py`` or, without pytest, ``python3
clients/python/test_example.py`` (the same assertions). Every test shares one ``loopbound serve`` process. The jar
is ``$LOOPBOUND_JAR`` when set, else the repository's ``./loopbound`` (which builds it on first use).
"""
import atexit
import fractions
import math
import os
import random
import sys
import tempfile

from loopbound_oracle import LoopboundError, Oracle, assert_enclosed



class Skipped(Exception):
    pass


def skip(reason):
    if __name__ != "__main__" and "pytest" in sys.modules:
        sys.modules["pytest"].skip(reason)
    raise Skipped(reason)  # plain python3: the runner at the bottom reports it


Fraction = fractions.Fraction
_oracle = []


def lb():
    """The one serve process of this module, started on first use."""
    if not _oracle:
        _oracle.append(Oracle())
        atexit.register(_oracle[0].close)
    return _oracle[0]


# --- "our" implementations under test -----------------------------------------------------------------------------

def our_bound(generations, lam, eps):
    """B_i = (1 - lambda) B_{i-1} + eps, B_0 = eps: the fixed-proportion recursion, in exact arithmetic."""
    b = [Fraction(eps)]
    for _ in range(generations):
        b.append((1 - Fraction(lam)) * b[-1] + Fraction(eps))
    return b


def our_bound_float(generations, lam, eps):
    b = [eps]
    for _ in range(generations):
        b.append((1 - lam) * b[-1] + eps)
    return b


def our_gaussian_tv(var0, var1):
    """TV(N(0, var1), N(0, var0)) for var1 > var0, from the two crossing points of the densities (floats)."""
    x = math.sqrt(math.log(var1 / var0) * var0 * var1 / (var1 - var0))
    return math.erf(x / math.sqrt(2 * var0)) - math.erf(x / math.sqrt(2 * var1))


def our_simulator(path, n, generations, replicates, seed, bug=False):
    """A fully-synthetic loop on p0 = (1/2, 1/2) with the empirical learner: generation 0 fits n draws from p0,
    generation i fits n draws from the model of generation i-1. bug=True draws from p0 every time."""
    rng = random.Random(seed)
    with open(path, "w") as f:
        f.write("replicate,generation,tv,count_0,count_1\n")
        for r in range(replicates):
            p = 0.5
            for i in range(generations + 1):
                c0 = sum(rng.random() < (0.5 if bug else p) for _ in range(n))
                p = c0 / n
                tv = abs(Fraction(c0, n) - Fraction(1, 2))  # (|p_0 - 1/2| + |p_1 - 1/2|) / 2
                f.write(f"{r},{i},{tv.numerator / tv.denominator!r},{c0},{n - c0}\n")


# --- the tests ----------------------------------------------------------------------------------------------------

def test_exact_values_are_fractions():
    r = lb().bound(scenario="fixed-proportion", n=1000, lambda_="1/10", eps=1, generations=20)
    ours = our_bound(20, Fraction(1, 10), 1)
    for row in r["values"]:
        assert row["bound"] == ours[row["generation"]]  # exact equality: both are Fractions
        assert_enclosed(ours[row["generation"]], row["bound"])
    assert r["values"][2]["bound"] == Fraction(271, 100)


def test_a_float_implementation_within_a_stated_tolerance():
    r = lb().bound(scenario="fixed-proportion", n=1000, lambda_=0.1, eps=1, generations=20)  # 0.1 is sent as "0.1"
    ours = our_bound_float(20, 0.1, 1.0)
    for row in r["values"]:
        assert_enclosed(ours[row["generation"]], row["bound"], rel_tol="1e-14")
    try:
        assert_enclosed(ours[20] * (1 + 1e-9), r["values"][20]["bound"], rel_tol="1e-14")
    except AssertionError as e:
        assert "is not loopbound's value" in str(e)
    else:
        raise AssertionError("a value off by 1e-9 passed")


def test_enclosures_are_pairs_of_fractions():
    p1 = lb().threshold("p1", alpha="1/2", b=1, real=100)
    assert p1["s_star"] == 300  # s* = r alpha^(-1/(1-alpha)) - r, exact here
    lo, hi = lb().threshold("p2", alpha="1/2", b=1, real=100, generations=2, width="1e-30")["s_star"]
    assert isinstance(lo, Fraction) and isinstance(hi, Fraction) and 0 < hi - lo <= Fraction(1, 10**30)
    k = lb().kde_bias(bandwidth="1/5", generations=5)  # lambda = 0: E p_i = N(0, 1 + (i+1) h^2) (K2)
    for row in k["values"]:
        i = row["generation"]
        weights = {Fraction(c["variance"]): Fraction(c["weight"]) for c in row["weights"]}
        assert weights[1 + Fraction(i + 1, 25)] == 1 and sum(weights.values()) == 1
        assert_enclosed(our_gaussian_tv(1.0, 1 + (i + 1) / 25), row["tv_lower_bound"], rel_tol="1e-12")


def test_errors_carry_the_message_and_exit_code():
    try:
        lb().bound(scenario="fixed-proportion", n=1000, lambda_="3/2", eps=1)
    except LoopboundError as e:
        assert e.exit == 2
        assert e.message == "loopbound bound: --lambda (λ) must be in [0, 1], got 3/2"
    else:
        raise AssertionError("lambda = 3/2 was accepted")
    try:
        lb().query("no-such-command")
    except LoopboundError as e:
        assert e.exit == 2 and "'no-such-command'" in e.message
    else:
        raise AssertionError("an unknown command was accepted")
    assert lb().threshold("d2", m=100, n=1000)["result"] == "D2"  # the server is still there


def test_check_sim_passes_a_correct_simulator_and_fails_a_bugged_one():
    args = dict(scenario="fully-synthetic", p0="1/2,1/2", n=20, generations=5)
    with tempfile.TemporaryDirectory() as d:
        good, bad = os.path.join(d, "good.csv"), os.path.join(d, "bad.csv")
        our_simulator(good, 20, 5, 400, seed=1)
        our_simulator(bad, 20, 5, 400, seed=1, bug=True)
        try:
            report = lb().check_sim(good, **args)
        except LoopboundError as e:
            if e.exit == 2 and "'check-sim'" in e.message:
                skip("this loopbound has no check-sim command")
            raise
        assert report["verdict"] == "PASS", report["generations"]
        assert lb().check_sim(bad, **args)["verdict"] == "FAIL"


if __name__ == "__main__":
    failed = 0
    for name, test in [(k, v) for k, v in sorted(globals().items()) if k.startswith("test_")]:
        try:
            test()
            print(f"PASS {name}")
        except Exception as e:  # noqa: BLE001 -- report every test, as pytest would
            if isinstance(e, Skipped):
                print(f"SKIP {name}: {e}")
            else:
                failed += 1
                print(f"FAIL {name}: {type(e).__name__}: {e}")
    sys.exit(1 if failed else 0)
