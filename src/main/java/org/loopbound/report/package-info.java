/**
 * The claims-audit report of {@code loopbound reproduce}: figures (deterministic SVG), the HTML page and its JSON
 * twin. Composes values computed elsewhere; computes no bound itself.
 *
 * <p>Dependencies: {@code org.loopbound.arith} (to print enclosures), {@code org.loopbound.spec} (labels), Gson, JDK.
 */
package org.loopbound.report;
