/**
 * The machine-readable index of results ({@code spec/results.json}, bundled into the jar): id, provenance label,
 * the abstract claims a result bears on, statement, Java methods, Coq lemmas and tests.
 *
 * <p>It is the one place where a result's label and proof status live; the CLI and the report read them from here.
 * Dependencies: Gson and the JDK only.
 */
package org.loopbound.spec;
