package org.loopbound.exact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Rational;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Learner;

/**
 * The chain in double-word arithmetic ({@link DoubleWord}), turned into certified enclosures.
 *
 * <p>Method. Each transition row is a multinomial pmf, computed as the product of the conditional binomials
 * Bin(m_j, r_j)(x_j), r_j = e_j/(e_j + … + e_{k−1}); each binomial is reached without underflow from Bin(0, r)(0) = 1
 * along its modes (Bin(m+1, r) at x or x + 1 from Bin(m, r) at x, one ratio each: the value at a mode is ≥ 1/(m+1))
 * and then walked outward by the ratios (m − x)/(x + 1)·r/(1 − r), stopping below {@link #PRUNE}. Rows are stored as
 * doubles (one more rounding, relative &lt; 2^−53). The law is pushed through the rows with a fused double-word
 * multiply-add; entries below {@link #FLUSH} are set to 0.
 *
 * <p>Why the result is certified. Every quantity is non-negative and built by additions and multiplications, each
 * with relative error ≤ 2^−99 (double-word) or &lt; 2^−53 (stored rows: rounding to nearest), from inputs that are at most (1 + 2^−99) times
 * exact rationals; dropping entries only lowers values. By induction over the expression, a computed value is at
 * most (1 + 2^−99)^B·(1 + 2^−53)^A times the exact probability it approximates, where B bounds the double-word
 * operations and A the row roundings on any path (counted per step, generously). So
 * F·(computed) with F = 1 − B·2^−99 − A·2^−53 ≤ (1 + 2^−99)^−B (1 + 2^−53)^−A is a rigorous lower bound of every
 * state's probability. The probabilities sum to 1 exactly, so the deficit Δ = 1 − F·Σ computed (summed exactly) bounds
 * everything missing, pruned tails included: see {@link Measures#certified}.
 */
// index: positions are composition ranks (Compositions.rank) and run offsets built in the same pass; their
// bounds follow from the hockey-stick count, which the Index Checker cannot follow (exhaustively tested instead).
@SuppressWarnings("index")
final class CertifiedChain {

    /** Row entries below this are not stored (their mass joins the deficit). */
    static final double PRUNE = 0x1p-80;
    /** Law entries below this are set to 0, so that products stay far above the underflow threshold. */
    static final double FLUSH = 0x1p-200;

    private final AtomDistribution p0;
    private final Learner learner;
    private final int k;
    private final DoubleWord dw = new DoubleWord();
    /** Double-word operations on the longest path so far (B). */
    private long operations;
    /** Roundings of stored rows on the longest path so far (A). */
    private long roundings;

    CertifiedChain(AtomDistribution p0, Learner learner) {
        this.p0 = p0;
        this.learner = learner;
        this.k = p0.atoms();
    }

    /** Transition rows: for each source, runs of consecutive target indices with their probabilities. */
    static final class Rows {
        private int[] rowRun = new int[16];
        private int[] runStart = new int[16];
        private int[] runCoord = new int[16];
        private int[] runVal = new int[16];
        private double[] val = new double[256];
        private int rows;
        private int runs;
        private int values;
        /** Double-word operations on the longest path to any entry. */
        long depth;

        int rows() {
            return rows;
        }

        void startRow() {
            rowRun = ensure(rowRun, rows + 2);
            rowRun[rows] = runs;
            rows++;
            rowRun[rows] = runs;
        }

        void startRun(int start, int[] coord, int atoms) {
            runStart = ensure(runStart, runs + 1);
            runVal = ensure(runVal, runs + 2);
            runCoord = ensure(runCoord, (runs + 1) * Math.max(1, atoms - 1));
            runStart[runs] = start;
            for (int j = 0; j + 1 < atoms; j++) {
                runCoord[runs * (atoms - 1) + j] = coord[j];
            }
            runVal[runs] = values;
            runs++;
            runVal[runs] = values;
            rowRun[rows] = runs;
        }

        void add(double v) {
            if (values == val.length) {
                val = Arrays.copyOf(val, val.length * 2);
            }
            val[values++] = v;
            runVal[runs] = values;
        }

        private static int[] ensure(int[] a, int n) {
            return n <= a.length ? a : Arrays.copyOf(a, Math.max(n, a.length * 2));
        }
    }

    /** The laws of generations 0..g. */
    List<GenerationLaw> run(List<Step> steps, @Nullable List<Certified> bounds) {
        List<GenerationLaw> out = new ArrayList<>();
        double[] h = {1};
        double[] l = {0};
        Compositions source = new Compositions(0, k);
        long[][] models = {new long[k]};
        long sourceTotal = 1;
        Rows cached = null;
        Step cachedStep = null;
        int cachedSource = -1;
        Rows realRows = null;
        int realDraws = -1;
        for (Step step : steps) {
            Compositions target = new Compositions(step.size, k);
            if (step.synthetic > 0) {
                Compositions drawn = new Compositions(step.synthetic, k);
                Rows rows;
                if (cached != null && cachedStep != null && step.sameTransition(cachedStep)
                        && cachedSource == source.draws()) {
                    rows = cached;
                } else {
                    rows = new Rows();
                    for (int s = 0; s < source.size(); s++) {
                        rows.startRow();
                        appendRow(drawn, step.weights(models[s], sourceTotal, p0), rows);
                    }
                    rows.depth = rowDepth(step.synthetic);
                    cached = rows;
                    cachedStep = step;
                    cachedSource = source.draws();
                }
                double[] nh = new double[drawn.size()];
                double[] nl = new double[drawn.size()];
                pushRows(h, l, rows, nh, nl);
                operations += rows.depth + 2 + source.size();
                roundings++;
                h = nh;
                l = nl;
                source = drawn;
            } else {
                double sh = 0;
                double sl = 0;
                for (int s = 0; s < h.length; s++) {
                    sh = dw.add(sh, sl, h[s], l[s]);
                    sl = dw.lo;
                }
                operations += h.length;
                h = new double[] {sh};
                l = new double[] {sl};
                source = new Compositions(0, k);
            }
            if (step.real > 0) {
                if (realRows == null || realDraws != step.real) {
                    realRows = new Rows();
                    realRows.startRow();
                    appendRow(new Compositions(step.real, k), Step.realWeights(p0), realRows);
                    realRows.depth = rowDepth(step.real);
                    realDraws = step.real;
                }
                double[] nh = new double[target.size()];
                double[] nl = new double[target.size()];
                convolve(h, l, source, realRows, target, nh, nl);
                operations += realRows.depth + 2 + source.size();
                roundings++;
                h = nh;
                l = nl;
            }
            for (int s = 0; s < h.length; s++) {
                if (h[s] < FLUSH) {
                    h[s] = 0;
                    l[s] = 0;
                }
            }
            source = target;
            int[][] states = target.all();
            models = Step.models(states, learner);
            sourceTotal = learner.total(step.size, k);
            out.add(summarise(step, states, models, sourceTotal, h, l,
                    bounds == null ? null : bounds.get(step.generation)));
        }
        return out;
    }

    private GenerationLaw summarise(Step step, int[][] states, long[][] models, long total, double[] h, double[] l,
                                    @Nullable Certified bound) {
        Measures m = new Measures(step.generation, states, models, total, p0);
        BigInteger[] groupMass = new BigInteger[m.groups()];
        Arrays.fill(groupMass, BigInteger.ZERO);
        BigInteger gini = BigInteger.ZERO;
        for (int s = 0; s < h.length; s++) {
            if (h[s] == 0) {
                continue;
            }
            BigInteger v = DoubleWord.scaled(h[s]).add(DoubleWord.scaled(l[s]));
            groupMass[m.group(s)] = groupMass[m.group(s)].add(v);
            gini = gini.add(v.multiply(m.gini(s)));
        }
        // unit = F·2^−1074 with F = 1 − B·2^−99 − A·2^−53 = (2^99 − A·2^46 − B)/2^99.
        BigInteger f = BigInteger.ONE.shiftLeft(DoubleWord.EPSILON_BITS)
                .subtract(BigInteger.valueOf(roundings).shiftLeft(DoubleWord.EPSILON_BITS - 53))
                .subtract(BigInteger.valueOf(operations));
        Dyadic unit = Dyadic.of(f, -DoubleWord.EPSILON_BITS - 1074);
        return m.certified(groupMass, gini, unit, bound);
    }

    /** A generous bound on the double-word operations along any path to an entry of a row of n draws. */
    private long rowDepth(int n) {
        return (long) Math.max(1, k - 1) * (6L * n + 8) + k;
    }

    /** ν(t) += π(s)·P(s, t) over the rows' runs, as one fused double-word multiply-add per entry. */
    private static void pushRows(double[] h, double[] l, Rows rows, double[] nh, double[] nl) {
        for (int s = 0; s < h.length && s < rows.rows; s++) {
            double wh = h[s];
            if (wh == 0) {
                continue;
            }
            double wl = l[s];
            for (int r = rows.rowRun[s]; r < rows.rowRun[s + 1]; r++) {
                int from = rows.runVal[r];
                int to = rows.runVal[r + 1];
                int t = rows.runStart[r] - from;
                for (int i = from; i < to; i++) {
                    madd(wh, wl, rows.val[i], nh, nl, t + i);
                }
            }
        }
    }

    /** ν(rank(y + x)) += μ(y)·X(x): the real draws X added to each source vector y. */
    private void convolve(double[] h, double[] l, Compositions source, Rows x, Compositions target, double[] nh,
                          double[] nl) {
        int[][] ys = source.all();
        int n = target.draws();
        for (int y = 0; y < ys.length; y++) {
            double wh = h[y];
            if (wh == 0) {
                continue;
            }
            double wl = l[y];
            int[] yv = ys[y];
            for (int r = x.rowRun[0]; r < x.rowRun[1]; r++) {
                int start = 0;
                if (k >= 2) {
                    int m = n;
                    long base = 0;
                    int c0 = r * (k - 1);
                    for (int j = 0; j + 2 < k; j++) {
                        int c = yv[j] + x.runCoord[c0 + j];
                        base += target.offset(m, c, k - 1 - j);
                        m -= c;
                    }
                    start = (int) (base + yv[k - 2] + x.runCoord[c0 + k - 2]);
                }
                int from = x.runVal[r];
                int to = x.runVal[r + 1];
                int t = start - from;
                for (int i = from; i < to; i++) {
                    madd(wh, wl, x.val[i], nh, nl, t + i);
                }
            }
        }
    }

    /** (nh, nl)[i] += (wh + wl)·p: TwoProd, the low-part product, TwoSum, FastTwoSum (see DoubleWord). */
    private static void madd(double wh, double wl, double p, double[] nh, double[] nl, int i) {
        double ph = wh * p;
        double pe = Math.fma(wl, p, Math.fma(wh, p, -ph));
        double vh = nh[i];
        double s = vh + ph;
        double bb = s - vh;
        double e = (vh - (s - bb)) + (ph - bb);
        double t = e + (nl[i] + pe);
        double hi = s + t;
        nl[i] = t - (hi - s);
        nh[i] = hi;
    }

    // ---- one multinomial row -------------------------------------------------------------------------------

    /** Per level j: the conditional binomial's parameters and, per m, its window of values (memoised per row). */
    private final class Level {
        /** 0: general; 1: r = 0 (x = 0); 2: r = 1 (x = m). */
        int kind;
        double rh;
        double rl;
        double sh;
        double sl;
        double rhoH;
        double rhoL;
        double invH;
        double invL;
        double rd;
        int[] anchorX = new int[1];
        double[] anchorH = new double[1];
        double[] anchorL = new double[1];
        int row = -1;
        int[] stamp = new int[0];
        int[] from = new int[0];
        int[] to = new int[0];
        double[][] winH = {};
        double[][] winL = {};

        void prepare(BigInteger e, BigInteger rest, int n, int rowId) {
            row = rowId;
            if (stamp.length < n + 1) {
                stamp = Arrays.copyOf(stamp, n + 1);
                Arrays.fill(stamp, -1);
                from = new int[n + 1];
                to = new int[n + 1];
                winH = grown(winH, n + 1);
                winL = grown(winL, n + 1);
                anchorX = new int[n + 1];
                anchorH = new double[n + 1];
                anchorL = new double[n + 1];
            }
            if (e.signum() == 0 || rest.signum() == 0) {
                kind = 1;
                return;
            }
            if (e.equals(rest)) {
                kind = 2;
                return;
            }
            kind = 0;
            BigInteger other = rest.subtract(e);
            rh = dw.of(Rational.of(e, rest));
            rl = dw.lo;
            sh = dw.of(Rational.of(other, rest));
            sl = dw.lo;
            rhoH = dw.of(Rational.of(e, other));
            rhoL = dw.lo;
            invH = dw.of(Rational.of(other, e));
            invL = dw.lo;
            rd = rh;
            anchorX[0] = 0;
            anchorH[0] = 1;
            anchorL[0] = 0;
            for (int m = 0; m < n; m++) {
                int x = anchorX[m];
                double fh;
                double fl;
                if ((m + 2) * rd >= x + 1) {
                    // Bin(m+1, r)(x+1) = Bin(m, r)(x)·(m+1)/(x+1)·r
                    double qh = dw.quotient(m + 1, x + 1);
                    fh = dw.multiply(qh, dw.lo, rh, rl);
                    fl = dw.lo;
                    anchorX[m + 1] = x + 1;
                } else {
                    // Bin(m+1, r)(x) = Bin(m, r)(x)·(m+1)/(m+1−x)·(1−r)
                    double qh = dw.quotient(m + 1, m + 1 - x);
                    fh = dw.multiply(qh, dw.lo, sh, sl);
                    fl = dw.lo;
                    anchorX[m + 1] = x;
                }
                anchorH[m + 1] = dw.multiply(anchorH[m], anchorL[m], fh, fl);
                anchorL[m + 1] = dw.lo;
            }
        }

        /** Fills the window of Bin(m, r) for this row (values ≥ PRUNE around the anchor); returns nothing. */
        void window(int m) {
            if (stamp[m] == row) {
                return;
            }
            stamp[m] = row;
            if (winH[m].length < m + 1) {
                winH[m] = new double[m + 1];
                winL[m] = new double[m + 1];
            }
            double[] wh = winH[m];
            double[] wl = winL[m];
            if (kind != 0) {
                int x = kind == 1 ? 0 : m;
                from[m] = x;
                to[m] = x;
                wh[x] = 1;
                wl[x] = 0;
                return;
            }
            int a = anchorX[m];
            wh[a] = anchorH[m];
            wl[a] = anchorL[m];
            ratios(m);
            double[] uh = upH[m];
            double[] ul = upL[m];
            double[] dh = downH[m];
            double[] dl = downL[m];
            int hi = a;
            while (hi < m) {
                double fh = dw.multiply(uh[hi], ul[hi], rhoH, rhoL);
                double fl = dw.lo;
                double vh = dw.multiply(wh[hi], wl[hi], fh, fl);
                if (vh < PRUNE) {
                    break;
                }
                hi++;
                wh[hi] = vh;
                wl[hi] = dw.lo;
            }
            int lo = a;
            while (lo > 0) {
                double fh = dw.multiply(dh[lo], dl[lo], invH, invL);
                double fl = dw.lo;
                double vh = dw.multiply(wh[lo], wl[lo], fh, fl);
                if (vh < PRUNE) {
                    break;
                }
                lo--;
                wh[lo] = vh;
                wl[lo] = dw.lo;
            }
            from[m] = lo;
            to[m] = hi;
        }
    }

    /** (m − x)/(x + 1) and x/(m − x + 1) per m, shared by all rows: the walks' divisions, done once. */
    private double[][] upH = {};
    private double[][] upL = {};
    private double[][] downH = {};
    private double[][] downL = {};

    /** a lengthened to n slots; new slots hold an empty array (the slot of m is filled when its length is m + 1). */
    private static double[][] grown(double[][] a, int n) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = i < a.length ? a[i] : new double[0];
        }
        return out;
    }

    private void ratios(int m) {
        if (upH.length <= m) {
            upH = grown(upH, m + 1);
            upL = grown(upL, m + 1);
            downH = grown(downH, m + 1);
            downL = grown(downL, m + 1);
        }
        if (upH[m].length == m + 1) {
            return;
        }
        double[] uh = new double[m + 1];
        double[] ul = new double[m + 1];
        double[] dh = new double[m + 1];
        double[] dl = new double[m + 1];
        for (int x = 0; x <= m; x++) {
            uh[x] = dw.quotient(m - x, x + 1);
            ul[x] = dw.lo;
            dh[x] = dw.quotient(x, m - x + 1);
            dl[x] = dw.lo;
        }
        upH[m] = uh;
        upL[m] = ul;
        downH[m] = dh;
        downL[m] = dl;
    }

    private Level[] levels = new Level[0];
    private int rowCount;

    /** Appends the row of the multinomial law with weights e (sum e[k]) over the space's vectors. */
    private void appendRow(Compositions space, BigInteger[] e, Rows out) {
        int n = space.draws();
        int[] coord = new int[Math.max(1, k)];
        if (k == 1) {
            out.startRun(0, coord, k);
            out.add(1);
            return;
        }
        if (levels.length < k - 1) {
            Level[] more = new Level[k - 1];
            for (int j = 0; j < more.length; j++) {
                more[j] = j < levels.length ? levels[j] : new Level();
            }
            levels = more;
        }
        rowCount++;
        BigInteger rest = e[k];
        for (int j = 0; j < k - 1; j++) {
            levels[j].prepare(e[j], rest, n, rowCount);
            rest = rest.subtract(e[j]);
        }
        emit(space, 0, n, 1, 0, 0, coord, out);
    }

    private void emit(Compositions space, int j, int m, double ph, double pl, long base, int[] coord, Rows out) {
        Level lv = levels[j];
        lv.window(m);
        double[] wh = lv.winH[m];
        double[] wl = lv.winL[m];
        int from = lv.from[m];
        int to = lv.to[m];
        if (j == k - 2) {
            coord[j] = from;
            out.startRun((int) (base + from), coord, k);
            for (int x = from; x <= to; x++) {
                out.add(dw.multiply(ph, pl, wh[x], wl[x]));
            }
            return;
        }
        for (int x = from; x <= to; x++) {
            double vh = dw.multiply(ph, pl, wh[x], wl[x]);
            if (vh < PRUNE) {
                continue;
            }
            double vl = dw.lo;
            coord[j] = x;
            emit(space, j + 1, m - x, vh, vl, base + space.offset(m, x, k - 1 - j), coord, out);
        }
    }
}
