package org.loopbound.run;

/**
 * A run folder that cannot be used as asked: {@code --out DIR} already holds a run, or {@code --resume} names a
 * folder without a run, with another configuration, or with records that do not belong to it. Bad input, not an
 * I/O failure: the command line reports it in one line with exit code 2.
 */
public final class RunDirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the folder or file and what is wrong with it */
    public RunDirectoryException(String message) {
        super(message);
    }
}
