/**
 * Certified arithmetic: exact rationals and intervals with exact dyadic endpoints and outward rounding.
 *
 * <p>{@link org.loopbound.arith.Rational} is exact. {@link org.loopbound.arith.Interval} encloses a real number
 * (or a set of them) between two dyadic numbers m·2^e; every operation returns an interval that contains the exact
 * result for every choice of points in its operands, at a requested {@link org.loopbound.arith.Precision}. The
 * elementary functions (exp, ln, sqrt, real powers) are computed by series with explicit remainder bounds, described
 * on each method.
 *
 * <p>Dependencies: {@code org.loopbound.kernel} (the KeY-verified endpoint operations), commons-numbers-fraction and
 * the JDK. This package knows nothing of bounds, simulation or the command line.
 */
package org.loopbound.arith;
