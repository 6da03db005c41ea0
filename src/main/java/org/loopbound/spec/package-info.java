/**
 * The machine-readable index of results ({@code spec/results.json}, bundled into the jar): id, provenance label,
 * the abstract claims a result bears on, statement, parameters, Java methods, Coq lemmas, the steps each proof rests
 * on ({@link org.loopbound.spec.Hypothesis}: proved in Coq, imported with a citation, or assumed) and tests.
 *
 * <p>It is the one place where a result's label and proof status live; the CLI and the report read them from here.
 * The proof status is not written by hand: {@link org.loopbound.spec.ProofStatus} derives it from the steps, and
 * the index is rejected when the stored value differs. Dependencies: Gson and the JDK only.
 */
package org.loopbound.spec;
