/**
 * The results of the theory (theory.md §2–§6), one class per result, named by result id: R1…R5 (propagation),
 * P1/P2 (phase transition), D1/D2 (diffusion), K1/K2 (kernel density estimation) and the empirical learner's
 * ε(N, δ, k). Also the scenarios of theory.md §1 ({@link org.loopbound.bound.Scenario}) and the learning-error
 * models that turn sizes N_j into ε_j.
 *
 * <p>Every value is exact ({@link org.loopbound.arith.Rational}) where the formula is rational and a certified
 * enclosure otherwise. The provenance label of each result ([derived], [imported]) lives in spec/results.json, not
 * here. Dependencies: {@code org.loopbound.arith}, {@code org.loopbound.param} (a value outside its domain is a
 * {@code ParameterException} naming its symbol) and the JDK; nothing of simulation or the command line.
 */
package org.loopbound.bound;
