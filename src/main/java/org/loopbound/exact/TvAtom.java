package org.loopbound.exact;

import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;

/**
 * One value of TV(p̂_i, p₀) and its probability.
 *
 * @param tv the exact distance, a value TV(w/T, p₀) of some count vector of generation i
 * @param probability P(TV(p̂_i, p₀) = tv): exact, or an enclosure of it
 */
public record TvAtom(Rational tv, Certified probability) {
}
