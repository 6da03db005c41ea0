# Regenerates reference-constants.txt with mpmath (an implementation independent of loopbound's Interval).
import mpmath
mpmath.mp.dps = 330
print("# Reference values for ElementaryConstantsTest: an independent implementation (mpmath %s), 320 significant digits." % mpmath.__version__)
print("# Regenerate: python3 tests/resources/reference-constants.py > tests/resources/reference-constants.txt")
for name, v in [("ln2", mpmath.log(2)), ("e", mpmath.e), ("sqrt2", mpmath.sqrt(2)),
                ("exp_minus_10", mpmath.exp(-10)), ("ln_1e30", mpmath.log(mpmath.mpf(10) ** 30)), ("pi", mpmath.pi)]:
    print(name, mpmath.nstr(v, 320, min_fixed=-100, max_fixed=100))
