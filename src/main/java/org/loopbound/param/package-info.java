/**
 * Parameters by their mathematical symbols: the domain exception every domain package throws when a value lies
 * outside its domain ({@link org.loopbound.param.ParameterException}), and domains ({@link org.loopbound.param.Domain}:
 * whole or rational, between open, closed or infinite ends), declared once per parameter, from which the command
 * line, sweep grids and help texts check values and say what they must be.
 * <p>Messages name a parameter by its symbol (λ, N, r, s, τ, …), never by a command-line option: mapping a symbol
 * to an option is the command line's job. Dependencies: {@code org.loopbound.arith} and the JDK only.
 */
package org.loopbound.param;
