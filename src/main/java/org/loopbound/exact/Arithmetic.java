package org.loopbound.exact;

/** How {@link ExactLoop} computes the chain. */
public enum Arithmetic {
    /** Exact rationals: every probability and expectation is a {@link org.loopbound.arith.Rational}. */
    EXACT,
    /**
     * Certified enclosures: every probability and expectation is an interval with dyadic endpoints that contains
     * the exact value; widths are at most {@link ExactLoop#MAX_WIDTH} for the sizes accepted.
     */
    CERTIFIED
}
