/*
 * Arb reference of loopbound's certified R3 recursion (org.loopbound.bound.R3UnrolledBound.recursion), for the
 * speed comparison; the same workload as mpmath_ref.py r3 and the JMH benchmark CertifiedBench.r3:
 *   B_0 = eps, B_i = (1 - lambda) * B_{i-1} + eps for i = 1..g, in ball arithmetic at PREC bits, every B_i kept
 *   (an arb vector of g + 1 balls), with eps = eps(N, delta, k) of EPS-EMP,
 *   (sqrt((k - 1)/N) + sqrt(2 ln(1/delta)/N)) / 2, and 1 - lambda each enclosed once before the clock starts.
 * Timed: allocating the vector of g + 1 balls and the g steps (the Java side allocates its results too).
 *
 * Build: cc -O2 -o arb_r3 arb_r3.c -lflint-arb -lflint -lmpfr -lgmp   (Debian: libflint-arb-dev)
 * Usage: arb_r3 GENERATIONS PREC REPEAT [N K DELTA_DEN LAMBDA_NUM LAMBDA_DEN]
 * Prints one JSON line: wall and thread CPU time of every repetition, their medians, and B_g as Arb prints a ball
 * (midpoint +/- radius, both decimal and outward) to compare with the other sides.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "peer_timing.h"
#include <arb.h>

int main(int argc, char **argv) {
    if (argc != 4 && argc != 9) {
        fprintf(stderr, "usage: arb_r3 GENERATIONS PREC REPEAT [N K DELTA_DEN LAMBDA_NUM LAMBDA_DEN]\n");
        return 2;
    }
    long g = atol(argv[1]);
    slong prec = atol(argv[2]);
    int repeat = atoi(argv[3]);
    long n = argc == 9 ? atol(argv[4]) : 1000, k = argc == 9 ? atol(argv[5]) : 10;
    long delta_den = argc == 9 ? atol(argv[6]) : 1000;
    long lam_num = argc == 9 ? atol(argv[7]) : 1, lam_den = argc == 9 ? atol(argv[8]) : 10;
    if (g < 0 || prec < 2 || repeat < 1 || repeat > 1000) {
        fprintf(stderr, "arb_r3: bad arguments\n");
        return 2;
    }

    arb_t eps, a, c, factor;
    arb_init(eps); arb_init(a); arb_init(c); arb_init(factor);
    /* eps = (sqrt((k-1)/N) + sqrt(2 ln(delta_den)/N)) / 2 */
    arb_set_ui(a, k - 1);
    arb_div_ui(a, a, n, prec);
    arb_sqrt(a, a, prec);
    arb_set_ui(c, delta_den);
    arb_log(c, c, prec);
    arb_mul_2exp_si(c, c, 1);
    arb_div_ui(c, c, n, prec);
    arb_sqrt(c, c, prec);
    arb_add(eps, a, c, prec);
    arb_mul_2exp_si(eps, eps, -1);
    /* 1 - lambda */
    arb_set_ui(factor, lam_den - lam_num);
    arb_div_ui(factor, factor, lam_den, prec);

    double *walls = malloc(sizeof(double) * repeat), *cpus = malloc(sizeof(double) * repeat);
    char *last = NULL;
    for (int r = 0; r < repeat; r++) {
        double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
        arb_ptr b = _arb_vec_init(g + 1);
        arb_set(b, eps);
        for (long i = 1; i <= g; i++) {
            arb_mul(b + i, factor, b + i - 1, prec);
            arb_add(b + i, b + i, eps, prec);
        }
        walls[r] = clock_s(CLOCK_MONOTONIC) - w0;
        cpus[r] = clock_s(CLOCK_THREAD_CPUTIME_ID) - c0;
        if (r == repeat - 1) {
            last = arb_get_str(b + g, 20, 0);
        }
        _arb_vec_clear(b, g + 1);
    }
    printf("{\"side\": \"arb\", \"arb\": \"%s\", \"generations\": %ld, \"prec\": %ld, ", arb_version, g,
           (long) prec);
    print_samples("times_s", walls, repeat);
    printf(", ");
    print_samples("cpu_s", cpus, repeat);
    double mw = median(walls, repeat), mc = median(cpus, repeat);
    printf(", \"median_s\": %.6f, \"median_cpu_s\": %.6f, \"b_last\": \"%s\"}\n", mw, mc, last);
    flint_free(last);
    free(walls);
    free(cpus);
    arb_clear(eps); arb_clear(a); arb_clear(c); arb_clear(factor);
    flint_cleanup();
    return 0;
}
