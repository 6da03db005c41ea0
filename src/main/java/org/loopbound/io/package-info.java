/**
 * Users' input files, read strictly, and file-system failures described in words: the text of a file as strict
 * UTF-8 with an optional byte-order mark ({@link org.loopbound.io.TextFile}), strict JSON with duplicate keys
 * refused and every value reachable by its JSON path ({@link org.loopbound.io.StrictJson}), strict CSV through
 * Apache Commons CSV ({@link org.loopbound.io.CsvTable}), the file of values that {@code check} compares with
 * loopbound's ({@link org.loopbound.io.ValueFile}), and the one-line cause of an I/O failure
 * ({@link org.loopbound.io.IoFailure}).
 * <p>A malformed file is bad input, reported by {@link org.loopbound.io.InputFileException} in one line naming the
 * file and the line or JSON path, never with a parser's internal vocabulary; a file that cannot be read is an I/O
 * failure ({@link java.io.UncheckedIOException} naming the path and the cause).
 * <p>Dependencies: {@code org.loopbound.arith} (exact numbers), Gson, Apache Commons CSV and the JDK. Nothing here
 * knows the command line.
 */
package org.loopbound.io;
