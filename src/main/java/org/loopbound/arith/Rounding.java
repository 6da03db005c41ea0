package org.loopbound.arith;

/** Direction of a rounding step. Outward rounding of an interval rounds its lower end DOWN and its upper end UP. */
public enum Rounding {
    /** Toward −∞: the result is ≤ the exact value. */
    DOWN,
    /** Toward +∞: the result is ≥ the exact value. */
    UP;

    /** The opposite direction, used when a value is negated. */
    public Rounding opposite() {
        return this == DOWN ? UP : DOWN;
    }
}
