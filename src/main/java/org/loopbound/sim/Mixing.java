package org.loopbound.sim;

import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/** How a generation's N_j training draws are split between p₀ and the earlier models. */
public enum Mixing {
    /** Exactly r_j = λ_j·N_j draws from p₀ and μ_{j,l}·N_j from each model p̂_l (all must be whole numbers). */
    STRATIFIED("stratified"),
    /** N_j independent draws from the mixture q_j = λ_j p₀ + Σ_l μ_{j,l} p̂_l. */
    IID("iid");

    private final String cliName;

    Mixing(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in outputs. */
    public String cliName() {
        return cliName;
    }

    /** The mixing with this name, or {@code null}. */
    public static @Nullable Mixing byName(String name) {
        for (Mixing m : values()) {
            if (m.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        return null;
    }
}
