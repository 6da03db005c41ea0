/**
 * The KeY-verified kernel: the few integer operations on which every certified number of loopbound rests.
 *
 * <p>The code here is deliberately written in the Java subset that KeY 2.12 understands (no generics, lambdas,
 * records, {@code var}, or {@code BigDecimal}), so that every method's JML contract is proved by KeY with
 * {@code intRules:javaSemantics} (overflow is part of the proof). The richer code in {@code org.loopbound.arith}
 * and the simulator call these methods instead of re-implementing the operations.
 *
 * <p>Contracts about {@link java.math.BigInteger} rest on stub contracts for its methods; those stubs are trusted,
 * not proved, and are listed in {@code spec/contracts.md}.
 *
 * <p>Dependencies: {@code java.math.BigInteger} only. Nothing in the project may be imported here.
 */
package org.loopbound.kernel;
