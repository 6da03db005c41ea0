package org.loopbound.exact;

/**
 * The count vectors of n draws on k atoms (compositions of n into k non-negative parts), in lexicographic order:
 * x_0 is the most significant part. {@link #rank} is the position of a vector in that order, by the hockey-stick
 * identity: the vectors that agree on x_0..x_{j−1} and have a smaller x_j number
 * Σ_{a &lt; x_j} C(m_j − a + L − 1, L − 1) = C(m_j + L, L) − C(m_j − x_j + L, L), with m_j = n − x_0 − … − x_{j−1}
 * and L = k − 1 − j parts after x_j.
 */
// index: ranks and binomial-table indices are bounded by the hockey-stick identity, which the Index Checker cannot
// follow; CompositionsTest-style checks in ExactLoopTest rank every vector for k <= 4, n <= 7.
@SuppressWarnings("index")
final class Compositions {

    private final int n;
    private final int k;
    /** binom[a][b] = C(a, b) for a ≤ n + k, b ≤ k (every value used is at most the number of states). */
    private final long[][] binom;
    private final int size;

    Compositions(int n, int k) {
        this.n = n;
        this.k = k;
        this.binom = new long[n + k + 1][k + 1];
        for (int a = 0; a <= n + k; a++) {
            binom[a][0] = 1;
            for (int b = 1; b <= Math.min(a, k); b++) {
                binom[a][b] = binom[a - 1][b - 1] + (b <= a - 1 ? binom[a - 1][b] : 0);
            }
        }
        this.size = (int) count(n, k);
    }

    /** C(n + k − 1, k − 1) without overflow beyond the limit (saturates at Long.MAX_VALUE). */
    static long count(long n, int k) {
        // C(n + k − 1, k − 1) = Π_{j=1}^{k−1} (n + j)/j, each partial product an integer.
        long c = 1;
        for (int j = 1; j < k; j++) {
            long next = c * (n + j);
            if (n + j != 0 && next / (n + j) != c) {
                return Long.MAX_VALUE;
            }
            c = next / j;
        }
        return c;
    }

    /** n. */
    int draws() {
        return n;
    }

    /** k. */
    int atoms() {
        return k;
    }

    /** The number of vectors. */
    int size() {
        return size;
    }

    /** C(a, b) for a ≤ n + k and b ≤ k. */
    long binom(int a, int b) {
        return b < 0 || b > a ? 0 : binom[a][b];
    }

    /** How many vectors before those starting with x at a part with m draws left and L parts after it. */
    long offset(int m, int x, int after) {
        return binom[m + after][after] - binom[m - x + after][after];
    }

    /** The position of x (Σ x = n) in lexicographic order. */
    int rank(int[] x) {
        long r = 0;
        int m = n;
        for (int j = 0; j + 1 < k; j++) {
            r += offset(m, x[j], k - 1 - j);
            m -= x[j];
        }
        return (int) r;
    }

    /** Every vector, in order (the array of rank r is vector r). */
    int[][] all() {
        int[][] out = new int[size][];
        int[] x = new int[k];
        x[k - 1] = n;
        for (int r = 0; r < size; r++) {
            out[r] = x.clone();
            next(x);
        }
        return out;
    }

    /** Advances x to its lexicographic successor (no-op after the last vector). */
    private void next(int[] x) {
        // The successor increments the last part j < k − 1 that can grow (some later part is positive), and puts
        // everything after it into the last part.
        int tail = x[k - 1];
        for (int j = k - 2; j >= 0; j--) {
            if (tail > 0) {
                x[j]++;
                for (int l = j + 1; l < k; l++) {
                    x[l] = 0;
                }
                x[k - 1] = tail - 1;
                return;
            }
            tail += x[j];
        }
    }
}
