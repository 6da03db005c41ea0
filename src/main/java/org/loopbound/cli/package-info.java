/**
 * The command line ({@code ./loopbound}, picocli): parses user numbers exactly, checks every numeric option against
 * the domain it declares once ({@link org.loopbound.cli.Domains}) and every request against the cost limits
 * ({@link org.loopbound.cli.Cost}) before any work (one-line errors, exit code 2), composes results from the bound and simulation packages and prints them as tables
 * or as one JSON object. Labels and proof status come from the result index ({@code org.loopbound.spec}).
 * {@code serve} answers JSON-lines requests by running these same commands, one fresh command line per request.
 *
 * <p>Dependencies: every other package of loopbound; nothing depends on this one.
 */
package org.loopbound.cli;
