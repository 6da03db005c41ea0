package org.loopbound.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.param.Domain;
import org.loopbound.param.ParameterException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The domains of numeric options, in one place. Each numeric option declares its domain once, by {@link In} on its
 * field (or, for an option built in code, a {@link Domain} as its user object); {@link #install} gives it the one
 * converter that parses every exact spelling of a number ({@code 1e3}, {@code 1000/1}, {@code 0.1}; ASCII digits
 * only), checks the domain and converts to the field's type, and appends the domain to its help text. A value
 * outside the domain is one line, "--option (symbol) must be DOMAIN, got VALUE", exit 2, before any work. A domain
 * error raised later by domain code names a symbol; {@link #optionMessage} puts the option that carries it in front.
 */
public final class Domains {

    /**
     * The domain of a numeric option, in interval notation ({@code [1, 2000]}, {@code (0, ∞)}, {@code [0, 10^18]}).
     * On a {@code String} option it is the domain of each value of a comma-separated list, which is kept as text.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface In {
        /** @return the interval */
        String value();

        /** @return whether only whole numbers belong to it (implied by an integral field type) */
        boolean whole() default false;
    }

    /** The domain of a seed: every {@code long}. */
    static final String LONG = Domain.LONGS;
    /** The domain of {@code --threads}. */
    static final String THREADS = "[1, 1024]";

    private Domains() {
    }

    /**
     * Installs the domain converter and help text on every option with a declared domain, in {@code cl} and all its
     * subcommands; options that already have them are left alone.
     *
     * @param cl the command line
     * @throws IllegalStateException when a declaration is malformed or its ends do not fit the field's type
     */
    static void install(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        List<OptionSpec> options = new ArrayList<>(spec.options());
        boolean any = false;
        for (OptionSpec o : options) {
            any |= declared(o) != null && of(o) == null;
        }
        if (any) {
            // Removed and added again in order, so that the help lists them as declared.
            for (OptionSpec o : options) {
                if (o.group() == null) {
                    spec.remove(o);
                }
            }
            for (OptionSpec o : options) {
                if (o.group() == null) {
                    spec.addOption(withDomain(o));
                }
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }

    private static OptionSpec withDomain(OptionSpec o) {
        Domain d = declared(o);
        if (d == null || of(o) != null) {
            return o;
        }
        String[] description = OptionSpec.builder(o).description();
        List<String> lines = new ArrayList<>(Arrays.asList(description));
        String domain = (o.type() == String.class ? "Each value: " : "Domain: ") + d.text() + ".";
        if (lines.isEmpty()) {
            lines.add(domain);
        } else {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + domain);
        }
        return OptionSpec.builder(o).converters(new Converter(o.longestName(), symbol(o), d, o.type()))
                .description(lines.toArray(new String[0])).build();
    }

    /** The domain an option declares (by {@link In} on its field or as its user object), or {@code null}. */
    private static @Nullable Domain declared(OptionSpec o) {
        Object u = o.userObject();
        if (u instanceof Domain d) {
            return d;
        }
        if (u instanceof Field f) {
            In in = f.getAnnotation(In.class);
            if (in != null) {
                try {
                    return Domain.parse(in.value(), in.whole() || isWhole(o.type()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(o.longestName() + ": bad domain declaration: " + e.getMessage(), e);
                }
            }
        }
        return null;
    }

    /**
     * The domain an installed option enforces.
     *
     * @param o an option
     * @return its domain, or {@code null} when it has no domain converter
     */
    static @Nullable Domain of(OptionSpec o) {
        for (CommandLine.ITypeConverter<?> c : o.converters()) {
            if (c instanceof Converter dc) {
                return dc.domain;
            }
        }
        return null;
    }

    /** The symbol in an option's messages: its parameter label, unless that is a placeholder such as THREADS. */
    static @Nullable String symbol(OptionSpec o) {
        List<String> symbols = symbols(o);
        if (symbols.isEmpty() || symbols.get(0).matches("[A-Z]{2,}")) {
            return null;
        }
        return symbols.get(0);
    }

    /** Whether the values of an option of this type are whole numbers ({@code String}: a list, see {@link In}). */
    private static boolean isWhole(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == BigInteger.class;
    }

    /** A value outside its option's domain; its message is the whole line to print. */
    static final class Outside extends CommandLine.TypeConversionException {
        private static final long serialVersionUID = 1L;

        Outside(String message) {
            super(message);
        }
    }

    /** Parses exactly, checks the domain and converts to the option's type. */
    static final class Converter implements CommandLine.ITypeConverter<Object> {
        private final String option;
        private final @Nullable String symbol;
        private final Domain domain;
        private final Class<?> type;

        Converter(String option, @Nullable String symbol, Domain domain, Class<?> type) {
            this.option = option;
            this.symbol = symbol;
            this.domain = domain;
            this.type = type;
            if (isWhole(type) && !domain.isWhole()) {
                throw new IllegalStateException(option + ": a domain on " + type.getSimpleName());
            }
            BigInteger[] range = type == int.class || type == Integer.class
                    ? new BigInteger[] {BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)}
                    : type == long.class || type == Long.class
                    ? new BigInteger[] {BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)}
                    : null;
            Rational lo = domain.lower();
            Rational hi = domain.upper();
            if (range != null && (lo == null || hi == null || lo.numerator().compareTo(range[0]) < 0
                    || hi.numerator().subtract(domain.upperClosed() ? BigInteger.ZERO : BigInteger.ONE)
                            .compareTo(range[1]) > 0)) {
                throw new IllegalStateException(option + ": domain " + domain + " does not fit " + type.getSimpleName());
            }
        }

        @Override
        public Object convert(String value) {
            Rational v;
            try {
                if (type == String.class) {
                    ListOptions.values(symbol == null ? option : symbol, value, domain);
                    return value;
                }
                v = domain.parse(symbol == null ? option : symbol, value);
            } catch (ParameterException e) {
                throw new Outside(option + (symbol == null ? "" : " (" + symbol + ")") + " " + e.requirement());
            }
            if (type == Rational.class) {
                return v;
            }
            if (type == BigInteger.class) {
                return v.numerator();
            }
            if (type == long.class || type == Long.class) {
                return v.numerator().longValueExact();
            }
            return v.numerator().intValueExact();
        }
    }

    /** {@code --threads}: the given count, or all available processors when absent. */
    public static int threads(@Nullable Integer threads) {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** A required option value. */
    public static <T> T required(String option, @Nullable T v, String why) {
        if (v == null) {
            throw new UsageError(option + " is required " + why);
        }
        return v;
    }

    /**
     * A domain error's message with the parameter's symbol replaced by the option that carries it: the option of
     * {@code spec} (or, for a mixin, of its command) whose parameter label names that symbol.
     */
    static String optionMessage(CommandLine.Model.CommandSpec spec, ParameterException ex) {
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            if (symbols(o).contains(ex.symbol())) {
                return o.longestName() + " (" + ex.symbol() + ") " + ex.requirement();
            }
        }
        return ex.getMessage() == null ? ex.symbol() : ex.getMessage();
    }

    /**
     * The symbols an option carries, from its parameter label: one symbol ("λ"), a list ("τ,…"), a pair ("b,α") or
     * alternatives ("h|silverman"). Options without a value carry none.
     */
    static List<String> symbols(CommandLine.Model.OptionSpec option) {
        List<String> out = new ArrayList<>();
        if (option.arity().max() > 0) {
            for (String s : option.paramLabel().split("[,|]")) {
                if (!s.isEmpty() && !s.equals("…")) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
