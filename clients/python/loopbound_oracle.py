"""loopbound as a test oracle from Python: one ``loopbound serve`` process answers every query.

Standard library only (subprocess, json, fractions). Exact values come back as ``fractions.Fraction``, certified
enclosures as ``(lo, hi)`` tuples of ``Fraction`` (the printed decimal ends, already rounded outward), so that a
test can compare a value exactly instead of up to a float tolerance::

    from loopbound_oracle import Oracle, assert_enclosed

    with Oracle() as lb:
        r = lb.bound(scenario="fixed-proportion", n=1000, lambda_="1/10", eps=1, generations=20)
        assert_enclosed(my_bound(20), r["values"][20]["bound"])

Arguments are ``loopbound``'s long options: ``n=1000`` is ``--n 1000``, ``growth_exponent=2`` is
``--growth-exponent 2`` (underscores become hyphens; a trailing underscore is dropped, for ``lambda_``). Values are
sent exactly: ``str`` as written ("1/3", "1e-3"), ``int`` and ``Fraction`` exactly ("1/3"), ``Decimal`` as written; a
``float`` is sent as ``repr(x)``, the shortest decimal that reads back as that float (0.1 is sent as "0.1", i.e.
1/10; pass "1/3" or ``Fraction(1, 3)`` for a third). ``True`` gives a flag, ``False`` and ``None`` leave the option
out, a list or tuple is joined with commas (``n=[100, 400]`` is ``--n 100,400``).
"""
import decimal
import fractions
import json
import os
import subprocess

__all__ = ["Oracle", "LoopboundError", "assert_enclosed", "value", "values"]

_HERE = os.path.dirname(os.path.abspath(__file__))
#: The repository's launcher, which builds the jar on first use.
DEFAULT_LAUNCHER = os.path.normpath(os.path.join(_HERE, "..", "..", "loopbound"))


class LoopboundError(Exception):
    """A query that loopbound refused or could not answer.

    ``message`` is the one-line message the command line prints, ``exit`` its exit code (1 a checked value or verdict
    failed or a value cannot be certified, 2 bad input, 3 input/output, 4 internal), ``output`` what the command
    printed anyway (parsed JSON or text), if anything.
    """

    def __init__(self, message, exit, output=None):
        super().__init__(f"{message} (exit {exit})")
        self.message = message
        self.exit = exit
        self.output = output


def _option_value(v):
    if isinstance(v, (int, fractions.Fraction)):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, str):
        return v
    if isinstance(v, (list, tuple)):
        return ",".join(_option_value(x) for x in v)
    raise TypeError(f"an option value is a str, int, Fraction, Decimal, float, bool, list or tuple, got {v!r}")


def _options(args):
    out = {}
    for name, v in args.items():
        if v is None or v is False:
            continue
        option = name.rstrip("_").replace("_", "-")
        out[option] = True if v is True else _option_value(v)
    return out


def value(v):
    """One value of loopbound's JSON: ``{"exact": "p/q"}`` → ``Fraction``; ``{"lo", "hi"}`` → ``(lo, hi)``.

    Anything else is returned unchanged.
    """
    if isinstance(v, dict):
        if set(v) == {"exact"}:
            return fractions.Fraction(v["exact"])
        if set(v) == {"lo", "hi"}:
            return fractions.Fraction(v["lo"]), fractions.Fraction(v["hi"])
    return v


def values(tree):
    """``tree`` (a parsed response) with every value object converted by :func:`value`, recursively."""
    if isinstance(tree, dict):
        v = value(tree)
        if v is not tree:
            return v
        return {k: values(x) for k, x in tree.items()}
    if isinstance(tree, list):
        return [values(x) for x in tree]
    return tree


def assert_enclosed(x, result, abs_tol=0, rel_tol=0):
    """Asserts that ``x`` is loopbound's value ``result``: equal to an exact ``Fraction``, or inside an enclosure
    ``(lo, hi)`` (a raw ``{"exact"}`` / ``{"lo", "hi"}`` object is converted first).

    ``x`` is compared exactly (a float by its exact binary value). With ``abs_tol`` / ``rel_tol`` (numbers or exact
    strings such as "1e-12") ``x`` may lie up to ``max(abs_tol, rel_tol * |x|)`` outside: for an implementation in
    floating point, which cannot hit a rational value exactly.
    """
    r = value(result)
    if isinstance(r, tuple):
        lo, hi = r
    elif isinstance(r, (int, fractions.Fraction)):
        lo = hi = fractions.Fraction(r)
    else:
        raise TypeError(f"not a loopbound value: {result!r}")
    xf = fractions.Fraction(x)
    tol = max(fractions.Fraction(abs_tol), fractions.Fraction(rel_tol) * abs(xf))
    if not (lo - tol <= xf <= hi + tol):
        where = f"= {lo}" if lo == hi else f"in [{float(lo)!r}, {float(hi)!r}] (exactly [{lo}, {hi}])"
        miss = lo - xf if xf < lo else xf - hi
        raise AssertionError(f"{x!r} is not loopbound's value {where}: off by {float(miss):.3e}"
                             + (f" > tolerance {float(tol):.3e}" if tol else ""))


class Oracle:
    """One ``loopbound serve`` process; queries are answered in order, one at a time.

    ``path`` is the launcher (default: the repository's ``./loopbound``, or the jar named by ``$LOOPBOUND_JAR``) or
    a jar (``*.jar``, run as ``java JVM_OPTIONS -jar``; ``jvm_options`` defaults to the launcher's choice for serve,
    the C1 compiler alone, which halves the CPU time of many short queries). ``cwd`` is the directory relative
    paths (CSV files, --out) are resolved in. The process starts on the first query and stops with :meth:`close`
    (or the ``with`` block).
    """

    def __init__(self, path=None, cwd=None, java="java", jvm_options=("-XX:TieredStopAtLevel=1",)):
        path = path or os.environ.get("LOOPBOUND_JAR") or DEFAULT_LAUNCHER
        self.command = ([java, *jvm_options, "-jar", path, "serve"] if path.endswith(".jar")
                        else [path, "serve"])
        self.cwd = cwd
        self._process = None
        self._next_id = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Ends the serve process (end of input) and waits for it."""
        p, self._process = self._process, None
        if p is not None:
            p.stdin.close()
            p.wait()
            p.stdout.close()

    def _start(self):
        if self._process is None:
            # stderr is inherited: serve writes nothing there itself, but a build by the launcher reports there.
            self._process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             cwd=self.cwd, text=True, encoding="utf-8", bufsize=1)
        return self._process

    def request(self, request):
        """Sends one request object (``command``, ``args``, ``argv``) and returns the response object as parsed
        JSON, unconverted. Raises :class:`LoopboundError` for an error response."""
        p = self._start()
        self._next_id += 1
        rid = self._next_id
        p.stdin.write(json.dumps(dict(request, id=rid), ensure_ascii=False) + "\n")
        p.stdin.flush()
        line = p.stdout.readline()
        while line and not line.startswith("{"):
            # Not a response (every response is an object): something the JVM itself printed, e.g. a JFR notice.
            line = p.stdout.readline()
        if not line:
            code = p.wait()
            self._process = None
            raise LoopboundError(f"loopbound serve ended (exit {code}) before answering", 4)
        response = json.loads(line)
        if response.pop("id", None) != rid:
            raise LoopboundError(f"loopbound serve answered out of order: {line.strip()}", 4)
        if "error" in response and "exit" in response:
            raise LoopboundError(response["error"], response["exit"], response.get("output"))
        return response

    def query(self, command, *argv, **args):
        """Runs ``loopbound COMMAND --option value ... ARGV...`` (with ``--json``) and returns its JSON output
        with every value converted (:func:`values`). ``command`` may have spaces: "threshold p2"."""
        request = {"command": command, "args": _options(args)}
        if argv:
            request["argv"] = [str(a) for a in argv]
        return values(self.request(request))

    def bound(self, **args):
        """``loopbound bound``: the per-generation bound B_i (R3/R5) and the corollaries (R4)."""
        return self.query("bound", **args)

    def threshold(self, kind, **args):
        """``loopbound threshold KIND`` for KIND in p1, p2, d2, d1."""
        return self.query("threshold " + kind, **args)

    def kde_bias(self, **args):
        """``loopbound kde-bias``: the KDE loop's exact mean density (K2) and TV(E p_i, p0)."""
        return self.query("kde-bias", **args)

    def check_sim(self, csv_path, **args):
        """``loopbound check-sim CSV``: tests a simulator's per-replicate results against the declared loop.

        Returns the report (``report["verdict"]`` is "PASS" or "FAIL", with ``tests`` and ``generations``) whether
        the simulator passed or failed; raises :class:`LoopboundError` only when the check could not run (bad
        input: exit 2, ...)."""
        try:
            return self.query("check-sim", os.fspath(csv_path), **args)
        except LoopboundError as e:
            if e.exit == 1 and isinstance(e.output, dict):
                return values(e.output)
            raise
