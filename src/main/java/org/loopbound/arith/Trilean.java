package org.loopbound.arith;

/**
 * The answer of a comparison of enclosures: {@code TRUE} or {@code FALSE} when it holds or fails for every pair of
 * points of the operands, {@code UNKNOWN} when the enclosures overlap so that it holds for some points and not others.
 */
public enum Trilean {
    TRUE, FALSE, UNKNOWN;

    /** {@code TRUE} for true, {@code FALSE} for false. */
    public static Trilean of(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** Whether the answer is certainly true. */
    public boolean isTrue() {
        return this == TRUE;
    }
}
