package org.loopbound.diffusion;

import org.checkerframework.checker.index.qual.NonNegative;

/**
 * The eigen-decomposition S = V diag(λ) Vᵀ of a real symmetric matrix by the cyclic Jacobi method (Golub and Van Loan,
 * Matrix Computations, 4th ed., §8.5): each rotation zeroes one off-diagonal pair, the off-diagonal Frobenius norm
 * decreases monotonically and, cyclically, quadratically in the end. It is slower than tridiagonal QR but short,
 * unconditionally stable, and computes small eigenvalues to high relative accuracy for well-scaled positive
 * definite matrices (Demmel and Veselić 1992), which is what the gradient-flow filter (1 − e^(−λτ))/λ needs near
 * λ = 0. Sizes up to a few hundred take well under a second.
 */
public final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /*@ public normal_behavior
      @ requires (* matrix is square, symmetric and finite *);
      @ ensures \result.size() == matrix.length;
      @ ensures (* matrix ≈ V diag(values) Vᵀ with V orthogonal, to a few ulps of ‖matrix‖ *);
      @ also public exceptional_behavior
      @ requires (* matrix is not square, not symmetric or not finite *);
      @ signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @ requires (* the sweeps did not converge *);
      @ signals_only ArithmeticException;
      @*/
    /** The decomposition of a symmetric matrix (the input is not modified). */
    public static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][n];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] row = matrix[i];
            double[] copy = a[i];
            if (row.length != n || copy.length != n) {
                throw new IllegalArgumentException("the matrix must be square, row " + i + " has " + row.length
                        + " entries for " + n + " rows");
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("the matrix must be finite");
                }
                copy[j] = row[j];
            }
            double[] vi = v[i];
            if (i < vi.length) {
                vi[i] = 1;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double[] ai = a[i];
                double[] aj = a[j];
                if (j >= ai.length || i >= aj.length) {
                    throw new IllegalStateException("matrix rows changed size");
                }
                double x = ai[j];
                double y = aj[i];
                if (Math.abs(x - y) > 1e-12 * (Math.abs(x) + Math.abs(y)) + Double.MIN_NORMAL) {
                    throw new IllegalArgumentException("the matrix must be symmetric, entries (" + i + "," + j + ")"
                            + " differ");
                }
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                double[] ai = a[i];
                for (int j = 0; j < n && j < ai.length; j++) {
                    if (i == j) {
                        diag += ai[j] * ai[j];
                    } else {
                        off += ai[j] * ai[j];
                    }
                }
            }
            if (off <= 0x1p-104 * diag || off == 0) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    double[] ai = a[i];
                    values[i] = i < ai.length ? ai[i] : 0;
                }
                return new SymmetricEigen(values, v);
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        throw new ArithmeticException("Jacobi sweeps did not converge in " + MAX_SWEEPS + " sweeps");
    }

    /**
     * One Jacobi rotation J(p, q, θ) with a ← Jᵀ a J zeroing a_pq, v ← v J. The angle is from the stable formulas
     * θ = (a_qq − a_pp)/(2 a_pq), t = sign(θ)/(|θ| + √(θ² + 1)) (the smaller rotation), c = 1/√(t² + 1), s = t·c.
     */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        int n = a.length;
        if (p < 0 || q <= p || p >= n || q >= n) {
            throw new IllegalArgumentException("rotation indices must satisfy 0 <= p < q < n, got " + p + ", " + q);
        }
        double[] ap = a[p];
        double[] aq = a[q];
        if (ap.length != n || aq.length != n || p >= ap.length || q >= ap.length || p >= aq.length
                || q >= aq.length) {
            throw new IllegalStateException("matrix rows changed size");
        }
        double apq = ap[q];
        if (apq == 0) {
            return;
        }
        double theta = (aq[q] - ap[p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.hypot(theta, 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.hypot(t, 1);
        double s = t * c;
        for (int k = 0; k < n; k++) {
            double[] ak = a[k];
            if (p >= ak.length || q >= ak.length) {
                throw new IllegalStateException("matrix rows changed size");
            }
            double akp = ak[p];
            double akq = ak[q];
            ak[p] = c * akp - s * akq;
            ak[q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = ap[k];
            double aqk = aq[k];
            ap[k] = c * apk - s * aqk;
            aq[k] = s * apk + c * aqk;
        }
        ap[q] = 0;
        aq[p] = 0;
        for (int k = 0; k < v.length; k++) {
            double[] vk = v[k];
            if (p >= vk.length || q >= vk.length) {
                throw new IllegalStateException("eigenvector rows changed size");
            }
            double vkp = vk[p];
            double vkq = vk[q];
            vk[p] = c * vkp - s * vkq;
            vk[q] = s * vkp + c * vkq;
        }
    }

    /** The order n of the matrix. */
    public @NonNegative int size() {
        return values.length;
    }

    /*@ public normal_behavior
      @ requires 0 <= k && k < size();
      @ ensures \result == (* λ_k *);
      @*/
    /** The k-th eigenvalue (in no particular order). */
    public double value(int k) {
        if (k < 0 || k >= values.length) {
            throw new IndexOutOfBoundsException("eigenvalue " + k + " of " + values.length);
        }
        return values[k];
    }

    /*@ public normal_behavior
      @ requires 0 <= i && i < size() && 0 <= k && k < size();
      @ ensures \result == (* V_{ik}, component i of the k-th unit eigenvector *);
      @*/
    /** Component i of the k-th unit eigenvector (the k-th column of V). */
    public double vector(int i, int k) {
        if (i < 0 || i >= vectors.length || k < 0) {
            throw new IndexOutOfBoundsException("entry (" + i + "," + k + ") of " + values.length);
        }
        double[] row = vectors[i];
        if (k >= row.length) {
            throw new IndexOutOfBoundsException("entry (" + i + "," + k + ") of " + values.length);
        }
        return row[k];
    }
}
