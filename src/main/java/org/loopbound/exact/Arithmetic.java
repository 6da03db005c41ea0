package org.loopbound.exact;

/** How {@link ExactLoop} computes the chain. */
public enum Arithmetic {
    /** Exact rationals: every probability and expectation is a {@link org.loopbound.arith.Rational}. */
    EXACT,
    /**
     * Certified enclosures: every probability and expectation is an interval with dyadic endpoints that contains
     * the exact value, at most {@link GenerationLaw#unresolvedMass()} wide (times the largest TV or Gini–Simpson
     * value for expectations); that deficit grows by about 2·10^−16 per generation.
     */
    CERTIFIED
}
