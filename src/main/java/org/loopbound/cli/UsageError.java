package org.loopbound.cli;

/**
 * Bad user input: a parameter outside its domain or a missing parameter. Printed as one line naming the parameter
 * and its allowed domain, exit code 2.
 */
public final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error whose message names the parameter and its domain, e.g. "--lambda must be in [0, 1], got 3/2". */
    public UsageError(String message) {
        super(message);
    }
}
