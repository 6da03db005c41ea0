/**
 * The claims-audit report of {@code loopbound reproduce}: the HTML page and its JSON twin, with figures drawn by
 * {@code org.loopbound.plot}. Renders what {@code org.loopbound.audit} returns; computes no bound, statistic or
 * verdict itself. The one translation it makes, of the audit's verdicts into what a reader needs (supported, not
 * shown, contradicted), is {@link org.loopbound.report.ClaimStatus}'s documented rule.
 *
 * <p>Dependencies: {@code org.loopbound.audit} (the audit's typed outcome), {@code org.loopbound.arith} (to print
 * enclosures), {@code org.loopbound.spec} (labels, proof status), {@code org.loopbound.plot}, Gson, JDK.
 */
package org.loopbound.report;
