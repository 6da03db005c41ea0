/**
 * The claims-audit report of {@code loopbound reproduce}: the HTML page and its JSON twin, with figures drawn by
 * {@code org.loopbound.plot}. Composes values computed elsewhere; computes no bound itself.
 *
 * <p>Dependencies: {@code org.loopbound.arith} (to print enclosures), {@code org.loopbound.spec} (labels),
 * {@code org.loopbound.plot}, Gson, JDK.
 */
package org.loopbound.report;
