package org.loopbound.io;

/**
 * A malformed input file: bad input, not an I/O failure. The message is one line that names the file and where in
 * it the fault lies (a line, or a JSON path), in the user's terms rather than a parser's.
 */
public final class InputFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file the file as the user named it
     * @param where the place in the file ("line 3", "$.vectors[2].value (line 9)"), or empty for the whole file
     * @param problem what is wrong there
     */
    public InputFileException(String file, String where, String problem) {
        super("file " + file + ": " + (where.isEmpty() ? "" : where + ": ") + problem);
    }
}
