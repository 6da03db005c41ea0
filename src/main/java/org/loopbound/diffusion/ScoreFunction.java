package org.loopbound.diffusion;

/** A time-dependent score (x, t) ↦ s(x, t) ≈ d/dx log p_t(x) of the Ornstein–Uhlenbeck marginals, in one dimension. */
@FunctionalInterface
public interface ScoreFunction {

    /*@ public normal_behavior
      @ requires t > 0;
      @ ensures (* \result is the score estimate at (x, t) *);
      @*/
    /** The score at position x and forward time t. */
    double score(double x, double t);
}
