package org.loopbound.stats;

/** Ordinary least-squares fits of a straight line, as used to estimate a scaling exponent on a log–log plot. */
public final class LeastSquares {

    private LeastSquares() {
    }

    /*@ public normal_behavior
      @ requires x.length == y.length;
      @ ensures (* \result == Σ(x_i − x̄)(y_i − ȳ) / Σ(x_i − x̄)², NaN when the denominator is 0 *);
      @ also public exceptional_behavior
      @ requires x.length != y.length;
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The least-squares slope of y against x.
     *
     * @param x the abscissae
     * @param y the ordinates, as many as {@code x}
     * @return Σ(x_i − x̄)(y_i − ȳ) / Σ(x_i − x̄)², or NaN when all x_i are equal (including fewer than two points)
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("a fit needs as many ordinates as abscissae, got " + x.length
                    + " and " + y.length);
        }
        int k = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            mx += x[i] / k;
            my += y[i] / k;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k; i++) {
            double dx = x[i] - mx;
            sxy += dx * (y[i] - my);
            sxx += dx * dx;
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }

    /*@ public normal_behavior
      @ requires x.length == y.length && (* every x_i, y_i > 0 *);
      @ ensures \result == slope(ln x, ln y);
      @*/
    /**
     * The exponent a of a power law y ≈ c·x^a fitted on the log–log scale.
     *
     * @param x the abscissae, positive
     * @param y the ordinates, positive, as many as {@code x}
     * @return the least-squares slope of ln y against ln x (see {@link #slope})
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static double logLogSlope(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("a fit needs as many ordinates as abscissae, got " + x.length
                    + " and " + y.length);
        }
        double[] lx = new double[x.length];
        double[] ly = new double[y.length];
        for (int i = 0; i < lx.length; i++) {
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
        }
        return slope(lx, ly);
    }
}
