package org.loopbound.exact;

/**
 * The exact chain would need more states (or state pairs) than allowed. An {@link IllegalArgumentException}: the
 * request is outside the evaluator's domain, which the message states with the size and the limit.
 */
public final class StateSpaceTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The offending size (states of one generation, or state pairs of one transition). */
    private final long size;
    /** The limit it exceeds. */
    private final long limit;

    /**
     * @param message the full one-line explanation, naming the size and the limit
     * @param size the offending size
     * @param limit the limit
     */
    StateSpaceTooLargeException(String message, long size, long limit) {
        super(message);
        this.size = size;
        this.limit = limit;
    }

    /** The offending size. */
    public long size() {
        return size;
    }

    /** The limit it exceeds. */
    public long limit() {
        return limit;
    }
}
