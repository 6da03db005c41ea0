package org.loopbound.bound;

import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * How narrow a threshold's enclosure [lo, hi] must be: an absolute width (hi − lo ≤ w) or a relative one
 * (hi − lo ≤ ρ·min(|lo|, |hi|), with 0 ∉ [lo, hi]). A relative width lets a threshold of any size, e.g. 10^16300,
 * be found with a fixed number of significant digits, where an absolute width would need as many bits as the
 * threshold has digits.
 */
public final class TargetWidth {

    private final Rational value;
    private final boolean relative;

    private TargetWidth(Rational value, boolean relative) {
        this.value = value;
        this.relative = relative;
    }

    /*@ public normal_behavior
      @ requires w > 0;
      @ ensures !\result.isRelative() && \result.value() == w;
      @ also public exceptional_behavior
      @ requires w <= 0;
      @ signals_only ParameterException;
      @*/
    /**
     * The absolute target hi − lo ≤ w.
     *
     * @param w the largest width, &gt; 0
     * @return the target
     * @throws ParameterException naming w when w ≤ 0
     */
    public static TargetWidth absolute(Rational w) {
        if (w.signum() <= 0) {
            throw ParameterException.outside("w", "> 0", w);
        }
        return new TargetWidth(w, false);
    }

    /*@ public normal_behavior
      @ requires rho > 0;
      @ ensures \result.isRelative() && \result.value() == rho;
      @ also public exceptional_behavior
      @ requires rho <= 0;
      @ signals_only ParameterException;
      @*/
    /**
     * The relative target hi − lo ≤ ρ·min(|lo|, |hi|) on an enclosure that excludes 0.
     *
     * @param rho the largest relative width, &gt; 0
     * @return the target
     * @throws ParameterException naming ρ when ρ ≤ 0
     */
    public static TargetWidth relative(Rational rho) {
        if (rho.signum() <= 0) {
            throw ParameterException.outside("ρ", "> 0", rho);
        }
        return new TargetWidth(rho, true);
    }

    /**
     * Whether the target is relative.
     *
     * @return true for {@link #relative}, false for {@link #absolute}
     */
    public boolean isRelative() {
        return relative;
    }

    /**
     * The width w or the relative width ρ, as given.
     *
     * @return w for an absolute target, ρ for a relative one
     */
    public Rational value() {
        return value;
    }

    /**
     * The largest width allowed for an enclosure x: w, or ρ·min(|lo|, |hi|) (0 when x contains 0, so that no
     * enclosure of a value that might be 0 meets a relative target).
     *
     * @param x an enclosure
     * @return the allowed width, ≥ 0
     */
    public Rational allowedFor(Interval x) {
        if (!relative) {
            return value;
        }
        if (x.containsZero()) {
            return Rational.ZERO;
        }
        Dyadic nearest = x.lo().abs().min(x.hi().abs());
        return value.multiply(nearest.toRational());
    }

    /**
     * Whether an enclosure meets the target.
     *
     * @param x an enclosure
     * @return true iff hi − lo ≤ {@link #allowedFor}(x) (and, for a relative target, 0 ∉ x)
     */
    public boolean isMetBy(Interval x) {
        Rational allowed = allowedFor(x);
        return (!relative || allowed.signum() > 0) && x.width().toRational().compareTo(allowed) <= 0;
    }

    /**
     * The target in words, as the command line prints it.
     *
     * @return "width &lt;= w" or "relative width &lt;= ρ"
     */
    @Override
    public String toString() {
        return (relative ? "relative width <= " : "width <= ") + value;
    }
}
