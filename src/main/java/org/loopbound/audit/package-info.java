/**
 * The claims audit of {@code loopbound reproduce}: one check per claim C1–C6 of the abstract
 * ({@link org.loopbound.audit.ClaimCheck}), each computing its certified values and running its simulation
 * cross-checks through the typed APIs of the domain packages (no command line, no JSON round trip), and returning
 * typed values: sections with verdicts, numbers with their labels, notes and figure data
 * ({@link org.loopbound.audit.AuditReport}). The claims, their texts and the results bearing on each claim are read
 * from {@code spec/results.json} through {@link org.loopbound.spec.ResultIndex}.
 *
 * <p>Dependencies: {@code org.loopbound.arith}, {@code .bound}, {@code .sim}, {@code .exact} (ground truth for the
 * tightness of the bounds), {@code .diffusion}, {@code .kde},
 * {@code .stats} and {@code .spec}; never {@code .report} (which renders an audit) nor {@code .cli}.
 */
package org.loopbound.audit;
