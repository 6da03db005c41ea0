/*
 * C reference of loopbound's discrete loop (org.loopbound.sim.Simulator) with GSL's multinomial sampler
 * gsl_ran_multinomial (conditional binomials, gsl_ran_binomial: Kachitvichyanukul & Schmeiser's BTPE), for the
 * speed comparison; the same workload and measures as numpy_loop.py and the JMH benchmark LoopBench:
 *   p0 = uniform:k; generation 0 fits N real draws from p0; generation i >= 1 fits exactly lambda*N real draws from
 *   p0 plus (1 - lambda)*N draws from the previous model p_{i-1} = counts/N (stratified mixing; fully-synthetic is
 *   lambda = 0); per generation and replicate: the exact TV numerator L = sum_j |w_j*D - a_j*T| (64-bit integers),
 *   Gini-Simpson, Shannon entropy, atoms lost and the fixed atom. Replicates run one after another on one core,
 *   each with its own mt19937 stream (GSL's default generator) seeded seed + replicate.
 *
 * Build: cc -O2 -o gsl_loop gsl_loop.c -lgsl -lgslcblas -lm   (Debian: libgsl-dev)
 * Usage: gsl_loop K N LAMBDA_NUM LAMBDA_DEN GENERATIONS REPLICATES SEED REPEAT
 * Prints one JSON line: wall and CPU time of every repetition, their medians, and the mean TV of the last generation.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "peer_timing.h"
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_version.h>

/* The per-generation measures; the sink keeps the compiler from dropping them. Returns the TV numerator. */
static long long measure(const unsigned *w, size_t k, long long total, double *sink) {
    long long d = (long long) k, tv = 0;
    double gini = 0, entropy = 0;
    int lost = 0, fixed = -1;
    for (size_t j = 0; j < k; j++) {
        long long x = (long long) w[j] * d - total; /* a_j = 1, D = k */
        tv += x < 0 ? -x : x;
        double p = (double) w[j] / (double) total;
        gini += p * p;
        if (w[j] > 0) {
            entropy -= p * log(p);
        } else {
            lost++;
        }
        if ((long long) w[j] == total) {
            fixed = (int) j;
        }
    }
    *sink += (1.0 - gini) + entropy + lost + fixed;
    return tv;
}

int main(int argc, char **argv) {
    if (argc != 9) {
        fprintf(stderr, "usage: gsl_loop K N LAMBDA_NUM LAMBDA_DEN GENERATIONS REPLICATES SEED REPEAT\n");
        return 2;
    }
    size_t k = (size_t) atol(argv[1]);
    long long n = atoll(argv[2]);
    long long lam_num = atoll(argv[3]), lam_den = atoll(argv[4]);
    int generations = atoi(argv[5]), replicates = atoi(argv[6]);
    unsigned long seed = strtoul(argv[7], NULL, 10);
    int repeat = atoi(argv[8]);
    if (k < 1 || n < 1 || lam_den < 1 || lam_num < 0 || lam_num > lam_den || (n * lam_num) % lam_den != 0
            || generations < 0 || replicates < 1 || repeat < 1 || repeat > 1000) {
        fprintf(stderr, "gsl_loop: bad arguments (lambda*N must be whole)\n");
        return 2;
    }
    long long real = n * lam_num / lam_den, synthetic = n - real;
    double *p0 = malloc(sizeof(double) * k), *model = malloc(sizeof(double) * k);
    unsigned *w = malloc(sizeof(unsigned) * k), *fresh = malloc(sizeof(unsigned) * k);
    double *walls = malloc(sizeof(double) * repeat), *cpus = malloc(sizeof(double) * repeat);
    for (size_t j = 0; j < k; j++) {
        p0[j] = 1.0 / (double) k;
    }
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    double sink = 0, tv_last = 0;
    for (int r = 0; r < repeat; r++) {
        double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
        tv_last = 0;
        for (int rep = 0; rep < replicates; rep++) {
            gsl_rng_set(rng, seed + (unsigned long) r * (unsigned long) replicates + (unsigned long) rep);
            gsl_ran_multinomial(rng, k, (unsigned) n, p0, w);
            long long tv = measure(w, k, n, &sink);
            for (int i = 1; i <= generations; i++) {
                for (size_t j = 0; j < k; j++) {
                    model[j] = (double) w[j] / (double) n;
                }
                if (synthetic > 0) {
                    gsl_ran_multinomial(rng, k, (unsigned) synthetic, model, w);
                } else {
                    for (size_t j = 0; j < k; j++) {
                        w[j] = 0;
                    }
                }
                if (real > 0) {
                    gsl_ran_multinomial(rng, k, (unsigned) real, p0, fresh);
                    for (size_t j = 0; j < k; j++) {
                        w[j] += fresh[j];
                    }
                }
                tv = measure(w, k, n, &sink);
            }
            tv_last += (double) tv / (2.0 * (double) n * (double) k);
        }
        walls[r] = clock_s(CLOCK_MONOTONIC) - w0;
        cpus[r] = clock_s(CLOCK_THREAD_CPUTIME_ID) - c0;
    }
    printf("{\"side\": \"gsl\", \"gsl\": \"%s\", \"k\": %zu, \"n\": %lld, \"lambda\": \"%lld/%lld\", "
           "\"generations\": %d, \"replicates\": %d, ", GSL_VERSION, k, n, lam_num, lam_den, generations, replicates);
    print_samples("times_s", walls, repeat);
    printf(", ");
    print_samples("cpu_s", cpus, repeat);
    double mw = median(walls, repeat), mc = median(cpus, repeat);
    printf(", \"median_s\": %.6f, \"median_cpu_s\": %.6f, \"mean_tv_last\": %.9g, \"sink\": %.3g}\n", mw, mc,
           tv_last / replicates, sink);
    gsl_rng_free(rng);
    free(p0); free(model); free(w); free(fresh); free(walls); free(cpus);
    return 0;
}
