/**
 * Resumable runs, the one mechanism behind {@code simulate}, {@code diffusion}, {@code kde} and {@code sweep}:
 * atomic file writes ({@link org.loopbound.run.AtomicFiles}), stores of finished records that survive a kill
 * ({@link org.loopbound.run.RecordStore}; {@link org.loopbound.run.RunDirectory} for a command's {@code --out DIR}
 * with its stored configuration), and a pool of workers over independent tasks
 * ({@link org.loopbound.run.Workers}; {@link org.loopbound.run.ResumableTasks} for tasks whose results are kept and
 * returned in task order, so outputs depend neither on the thread count nor on interruptions).
 * An output folder ({@code --out}) is claimed before any work: it must be absent, empty, or marked (file
 * {@code .loopbound-run}) as an earlier output of the same command, so that a user's own files are never overwritten;
 * a run that fails records why in {@code failure.json} next to its records.
 * <p>Dependencies: {@code org.loopbound.io} (I/O failures described in one line), Gson
 * and the JDK. Nothing here knows what a task computes, nor the command line: progress is reported through a callback
 * and bad run folders through {@link org.loopbound.run.RunDirectoryException}.
 */
package org.loopbound.run;
