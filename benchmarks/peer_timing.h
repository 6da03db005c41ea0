/* Timing helpers shared by the C peers (gsl_loop.c, arb_r3.c): a clock in seconds and the median of samples. */
#ifndef LOOPBOUND_PEER_TIMING_H
#define LOOPBOUND_PEER_TIMING_H
#include <stdlib.h>
#include <time.h>

/* Seconds on the given clock: CLOCK_MONOTONIC for wall time, CLOCK_THREAD_CPUTIME_ID for this thread's CPU time. */
static double clock_s(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

/* The median of n > 0 samples (sorts them in place). */
static double median(double *x, int n) {
    qsort(x, n, sizeof(double), compare_doubles);
    return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

/* Prints `"name": [x_0, x_1, ...]` with microsecond resolution. */
static void print_samples(const char *name, const double *x, int n) {
    printf("\"%s\": [", name);
    for (int i = 0; i < n; i++) {
        printf("%s%.6f", i ? ", " : "", x[i]);
    }
    printf("]");
}
#endif
