/**
 * Parameters by their mathematical symbols: the domain exception every domain package throws when a value lies
 * outside its domain ({@link org.loopbound.param.ParameterException}), and the declarations of named parameters
 * with their domains ({@link org.loopbound.param.Parameter}) from which the command line, sweep grids and help texts
 * derive their options.
 * <p>Messages name a parameter by its symbol (λ, N, r, s, τ, …), never by a command-line option: mapping a symbol
 * to an option is the command line's job. Dependencies: {@code org.loopbound.arith} and the JDK only.
 */
package org.loopbound.param;
