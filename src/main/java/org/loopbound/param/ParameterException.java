package org.loopbound.param;

/**
 * A parameter value outside its domain, or a required parameter that is missing. Thrown by domain code, which names
 * the parameter by its mathematical symbol ({@code λ}, {@code N}, {@code τ}); the command line maps the symbol to
 * its option and reports one line with exit code 2. Any other runtime exception escaping a computation is an
 * internal error, not bad input.
 * <p>It is an {@link IllegalArgumentException}, the exception a Java caller expects for a bad argument, so that code
 * validating many values at once (a sweep grid) reports it with the other argument errors; the command line tests
 * for it first and treats every other {@code IllegalArgumentException} as an internal error.
 */
public final class ParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Longest rendering of an offending value in a message: a 100 000-digit input is cut, not echoed. */
    public static final int MAX_VALUE_CHARS = 40;

    private final String symbol;
    private final String requirement;

    private ParameterException(String symbol, String requirement) {
        super(symbol + " " + requirement);
        this.symbol = symbol;
        this.requirement = requirement;
    }

    /**
     * A value outside its domain.
     *
     * @param symbol the parameter's symbol as the theory writes it, e.g. {@code "λ"}
     * @param domain what the value must be, phrased to follow "must be", e.g. {@code "in [0, 1]"}
     * @param value the offending value; its text is cut to {@value #MAX_VALUE_CHARS} characters
     * @return the exception, whose message reads "λ must be in [0, 1], got 3/2"
     */
    public static ParameterException outside(String symbol, String domain, Object value) {
        String requirement = "must be " + domain + ", got " + cut(value);
        return new ParameterException(symbol, requirement);
    }

    /**
     * A required parameter that was not given.
     *
     * @param symbol the parameter's symbol
     * @param why who needs it, phrased to follow "is required", e.g. {@code "by scenario fixed-proportion"}
     * @return the exception, whose message reads "λ is required by scenario fixed-proportion"
     */
    public static ParameterException missing(String symbol, String why) {
        return new ParameterException(symbol, "is required " + why);
    }

    /**
     * A combination of values that is inconsistent although each lies in its own domain.
     *
     * @param symbol the symbol of the parameter to change
     * @param requirement the whole requirement after the symbol, e.g. {@code "must be below the horizon T, got 2 ≥ 1"}
     * @return the exception, whose message is the symbol followed by the requirement
     */
    public static ParameterException violates(String symbol, String requirement) {
        return new ParameterException(symbol, requirement);
    }

    /**
     * The text of a value for a message, at most {@value #MAX_VALUE_CHARS} characters.
     *
     * @param value any value
     * @return its string, cut in the middle with "…" when longer than the limit
     */
    public static String cut(Object value) {
        String s = String.valueOf(value);
        if (s.length() <= MAX_VALUE_CHARS) {
            return s;
        }
        int half = (MAX_VALUE_CHARS - 1) / 2;
        return s.substring(0, half) + "…" + s.substring(s.length() - half) + " (" + s.length() + " characters)";
    }

    /** @return the symbol of the parameter at fault, as the theory writes it */
    public String symbol() {
        return symbol;
    }

    /**
     * @return the message without its leading symbol, e.g. "must be in [0, 1], got 3/2", so that the command line
     *     can put an option name in the symbol's place
     */
    public String requirement() {
        return requirement;
    }

    @Override
    public String toString() {
        return symbol + " " + requirement;
    }
}
