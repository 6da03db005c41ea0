package org.loopbound.oracle;

/** What the oracle tests at each generation. */
public enum Statistic {
    /** The mean of TV(p̂_i, p₀) over replicates. */
    EXPECTED_TV("E TV"),
    /** The whole distribution of TV(p̂_i, p₀). */
    TV_LAW("TV law"),
    /** The mean model, E p̂_i = p₀, from the counts. */
    MEAN_MODEL("E p-hat"),
    /** The Pearson dispersion D_i = Σ_j (p̂_{i,j} − p₀_j)²/p₀_j, whose mean is a_i (k′ − 1), from the counts. */
    DISPERSION("dispersion"),
    /** The Gini–Simpson diversity 1 − Σ_j p̂_{i,j}², whose mean is (1 − a_i)(1 − Σ p₀²). */
    GINI_SIMPSON("Gini-Simpson");

    private final String label;

    Statistic(String label) {
        this.label = label;
    }

    /** The name in tables and JSON. */
    public String label() {
        return label;
    }
}
