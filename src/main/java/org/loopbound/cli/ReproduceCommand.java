package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loopbound.run.AtomicFiles;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.K2KdeExpectedDensity;
import org.loopbound.bound.P2UnrolledPhaseTransition;
import org.loopbound.bound.R4Corollaries;
import org.loopbound.report.ClaimsReport;
import org.loopbound.plot.SvgPlot;
import org.loopbound.spec.ResultIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopbound reproduce}: the main job. Runs the claims audit — certified values, simulation cross-checks and
 * figures for each claim C1–C6 of the abstract — and writes {@code out/report/index.html},
 * {@code out/report/report.json} and {@code out/report/figures/*.svg}. The simulations run through the same
 * commands a user would ({@code simulate … --json}), so every number in the report can be reproduced by hand.
 */
@Command(name = "reproduce",
        description = {"Run the claims audit and write out/report/index.html, report.json and figures/.",
            "Each claim C1-C6 of the abstract -> the results that formalize it -> proof status -> the",
            "simulation cross-check (PASS/FAIL with statistics) -> figures. Exit 1 if any cross-check fails."})
public final class ReproduceCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/report",
            description = "Report directory (default: ${DEFAULT-VALUE}); every file is written atomically.")
    String out = "out/report";

    @Option(names = "--seed", defaultValue = "20240217", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quick", description = "A smaller run (fewer replicates and generations), for the tests.")
    boolean quick;

    @Option(names = "--threads", paramLabel = "THREADS", defaultValue = "0",
            description = "Simulation threads (default 0 = all cores); does not change any output byte.")
    int threads;

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    private static final Precision P = Precision.bits(128);
    /** A claim of the abstract with the results that formalize it or bear on it. */
    private record Claim(String id, List<String> results) {
    }

    private static final List<Claim> CLAIMS = List.of(
            new Claim("C1", List.of("R1", "R2", "R3", "R5", "EPS-EMP")),
            new Claim("C2", List.of("R2", "R3", "R4")),
            new Claim("C3", List.of("P1", "P2")),
            new Claim("C4", List.of("D0", "D1", "D2")),
            new Claim("C5", List.of("K1", "K2")),
            new Claim("C6", List.of("R4")));

    /** One simulated scenario of the C1/C2/C6 cross-checks: its name and its scenario options. */
    private record Run(String scenario, List<String> options) {
    }

    private static final List<Run> RUNS = List.of(
            new Run("fully-synthetic", List.of("--n", "1000")),
            new Run("fixed-proportion", List.of("--n", "1000", "--lambda", "1/2")),
            new Run("last-injection", List.of("--n", "1000", "--lambda", "9/10")),
            new Run("growing-size", List.of("--n", "100", "--growth-exponent", "2")),
            new Run("expanding-synthetic", List.of("--real", "200", "--synthetic", "800")),
            new Run("accumulate", List.of("--real", "200", "--synthetic", "200")));
    private static final int DIGITS = 12;

    /** Sizes of one run: the discrete simulations, the expanding-synthetic sweep, the diffusion and KDE loops. */
    private record Plan(int replicates, int generations, int sweepReplicates, int diffusionReplicates,
            int kdeReplicates) {
    }

    private int step;
    private int steps;

    @Override
    public Integer call() {
        if (threads < 0) {
            throw new UsageError("--threads must be ≥ 0 (0 = all cores), got " + threads);
        }
        Plan plan = quick ? new Plan(60, 8, 60, 8, 30) : new Plan(400, 20, 300, 24, 200);
        ClaimsReport report = new ClaimsReport(ResultIndex.bundled());
        report.configure("version", "loopbound " + Main.version());
        report.configure("seed", Long.toString(seed));
        report.configure("mode", quick ? "quick" : "full");
        report.configure("replicates per simulation", Integer.toString(plan.replicates()));
        report.configure("generations", Integer.toString(plan.generations()));
        report.configure("p0 (discrete simulations)", "uniform:10 (k = 10 atoms)");
        report.configure("replicates (diffusion, KDE)", plan.diffusionReplicates() + ", " + plan.kdeReplicates());
        report.configure("precision", P.toString());
        // Sections in claim order, each with the results that formalize the claim.
        for (Claim claim : CLAIMS) {
            report.section(claim.id(), claim.results());
        }
        // One step per progress() call: 6 scenarios, P2, 10 sweep points, D2, the τ sweep, K2, 2 KDE loops, R4.
        steps = 6 + 1 + 10 + 1 + 1 + 1 + 2 + 1;
        step = 0;

        scenarios(report, plan);
        phaseTransition(report, plan);
        diffusion(report, plan);
        kde(report, plan);
        injectionAndGrowth(report, plan);

        Path dir = Paths.get(out);
        try {
            for (ClaimsReport.Figure f : report.figures()) {
                AtomicFiles.writeString(dir.resolve("figures").resolve(f.file()), f.svg());
            }
            AtomicFiles.writeString(dir.resolve("report.json"), report.toJson());
            AtomicFiles.writeString(dir.resolve("index.html"), report.toHtml());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("report written to " + dir.resolve("index.html") + (report.anyFail()
                ? " — some cross-checks FAILED (see the summary table)" : " — all cross-checks PASS"));
        w.flush();
        return report.anyFail() ? Main.EXIT_FAILURE : 0;
    }

    private void progress(String what) {
        step++;
        if (System.console() != null) {
            int width = 30;
            int done = steps == 0 ? width : Math.min(width, step * width / steps);
            System.err.print("\r[" + "#".repeat(done) + " ".repeat(width - done) + "] " + step + "/" + steps + " "
                    + what + "                    ");
            if (step >= steps) {
                System.err.println();
            }
            System.err.flush();
        }
    }

    private List<String> simulateArgs(String scenario, Plan plan, long subSeed, String... extra) {
        List<String> a = new ArrayList<>(List.of("simulate", "--scenario", scenario, "--p0", "uniform:10",
                "--generations", Integer.toString(plan.generations()), "--replicates",
                Integer.toString(plan.replicates()), "--seed", Long.toString(seed + subSeed), "--delta", "1/100"));
        a.addAll(List.of(extra));
        addThreads(a);
        return a;
    }

    private static double upper(JsonObject value) {
        return Rational.parse(value.has("exact") ? value.get("exact").getAsString() : value.get("hi").getAsString())
                .doubleValue();
    }

    /** A number printed by a command: a JSON number, a numeral string, {"exact"} or {"lo","hi"} (midpoint). */
    private static double number(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("exact")) {
                return Rational.parse(o.get("exact").getAsString()).doubleValue();
            }
            return (Rational.parse(o.get("lo").getAsString()).doubleValue()
                    + Rational.parse(o.get("hi").getAsString()).doubleValue()) / 2;
        }
        return e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : Rational.parse(e.getAsString()).doubleValue();
    }

    /** C1/C2: the R3 bound against simulation, for every scenario. */
    private void scenarios(ClaimsReport report, Plan plan) {
        ClaimsReport.Section c1 = report.section("C1");
        ClaimsReport.Section c2 = report.section("C2");
        ClaimsReport.Section c6 = report.section("C6");
        long sub = 1;
        for (Run run : RUNS) {
            String scenario = run.scenario();
            List<String> args = simulateArgs(scenario, plan, sub++, run.options().toArray(new String[0]));
            progress("simulate " + scenario);
            JsonObject o = GoldenVectors.runJson(args);
            List<JsonObject> gens = new ArrayList<>();
            o.getAsJsonArray("generations").forEach(e -> gens.add(e.getAsJsonObject()));
            double[] x = array(column(gens, g -> g.get("generation").getAsDouble()));
            double[] mean = array(column(gens, g -> number(g.get("mean_tv"))));
            double[] lo = array(column(gens, g -> number(g.getAsJsonObject("tv_ci").get("lo"))));
            double[] hi = array(column(gens, g -> number(g.getAsJsonObject("tv_ci").get("hi"))));
            double[] bound = array(column(gens, g -> upper(g.getAsJsonObject("bound"))));
            long pass = gens.stream().filter(g -> g.get("verdict").getAsString().equals("PASS")).count();
            long fail = gens.stream().filter(g -> g.get("verdict").getAsString().equals("FAIL")).count();
            double worst = gens.stream().mapToDouble(g -> number(g.get("violation_rate"))).max().orElse(0);
            int n = gens.size();
            String verdict = fail == 0 && pass > 0 ? "PASS" : "FAIL";
            String detail = scenario + ": " + pass + " generations PASS, " + fail + " FAIL (violation rate ≤ "
                    + String.format(java.util.Locale.ROOT, "%.4f", worst) + " against (i+1)δ, δ = 1/100; "
                    + plan.replicates() + " replicates; `loopbound " + String.join(" ", args) + "`)";
            ClaimsReport.Section target = scenario.equals("fixed-proportion") ? c2
                    : scenario.equals("growing-size") || scenario.equals("last-injection") ? c6 : c1;
            target.check(verdict, detail);
            target.figure("bound-" + scenario + ".svg", "Scenario " + scenario + ": R3 bound B_i [derived] with the"
                    + " empirical learner's ε(N, δ, k) (EPS-EMP [derived]), against the simulated mean TV(p̂_i, p₀)"
                    + " and its 95% confidence band, " + plan.replicates() + " replicates.",
                    new SvgPlot("TV to p₀ by generation — " + scenario, "generation i", "total variation (TV)")
                            .band("simulated 95% CI", x, lo, hi)
                            .line("simulated mean TV", x, mean)
                            .dashed("bound B_i (R3, upper end)", x, bound)
                            .render());
            JsonObject last = gens.get(n - 1);
            target.number(scenario + ": B_" + (n - 1) + " (R3, empirical ε)",
                    value(last.getAsJsonObject("bound")), "[derived]");
        }
    }

    /** One field of every row. Lists, not arrays, where indices are computed: the Index Checker need not trace them. */
    private static List<Double> column(List<JsonObject> rows, java.util.function.ToDoubleFunction<JsonObject> f) {
        return rows.stream().map(r -> f.applyAsDouble(r)).toList();
    }

    private static double[] array(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String value(JsonObject v) {
        return v.has("exact") ? v.get("exact").getAsString()
                : "[" + v.get("lo").getAsString() + ", " + v.get("hi").getAsString() + "]";
    }

    /** C3: F_i(s) against s/r with the certified s*, and the expanding-synthetic simulation sweep. */
    private void phaseTransition(ClaimsReport report, Plan plan) {
        ClaimsReport.Section c3 = report.section("C3");
        Rational alpha = Rational.of(1, 2);
        Rational b = Rational.ONE;
        Rational r = Rational.ONE;
        int[] generations = {1, 2, 3, 5};
        SvgPlot plot = new SvgPlot("Phase transition: F_i(s) / F_i(0), α = 1/2", "s / r (synthetic per real sample)",
                "F_i(s) / (b r^-α)");
        progress("certify s* (P2)");
        int points = 60;
        for (int i : generations) {
            double[] x = new double[points + 1];
            double[] y = new double[points + 1];
            for (int k = 0; k <= points; k++) {
                Rational s = Rational.of(k, 3);
                x[k] = s.doubleValue();
                y[k] = P2UnrolledPhaseTransition.value(alpha, b, r, i, s, P).approx();
            }
            plot.line("F_" + i, x, y);
            P2UnrolledPhaseTransition.Maximizer m = P2UnrolledPhaseTransition.maximizer(alpha, b, r, i,
                    Rational.parse("1e-20"), P);
            plot.marker(m.ratio().approx(), "s*/r (i=" + i + ")");
            c3.number("s*/r for i = " + i + ", α = 1/2 (P2, certified root isolation)",
                    m.ratio().format(DIGITS), "[derived]");
        }
        c3.figure("phase-transition.svg", "F_i(s) of P2 [derived] for α = 1/2 (b = r = 1, so the curves are in units of"
                + " b r^-α), with the certified maximizers s*/r marked. F_i(0) = F_i(∞) = b r^-α.", plot.render());

        // The same sweep in simulation: expanding-synthetic with the empirical learner, at generation `gen`. The
        // claim is about the bound: the check is that R3's bound (with EPS-EMP's ε) holds at every s and rises then
        // declines in s; the simulated TV's own shape is reported, not judged (see the note below).
        List<Integer> ratios = List.of(0, 1, 2, 3, 4, 6, 8, 12, 16, 24);
        int real = 100;
        int gen = 3;
        List<Double> x = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        List<Double> bound = new ArrayList<>();
        long failing = 0;
        Plan sweep = new Plan(plan.sweepReplicates(), gen, plan.sweepReplicates(), 0, 0);
        for (int k = 0; k < ratios.size(); k++) {
            int ratio = ratios.get(k);
            progress("simulate expanding-synthetic s/r = " + ratio);
            JsonObject o = GoldenVectors.runJson(simulateArgs("expanding-synthetic", sweep, 100 + k, "--real",
                    Integer.toString(real), "--synthetic", Integer.toString(real * ratio)));
            JsonArray gens = o.getAsJsonArray("generations");
            for (JsonElement e : gens) {
                if (!e.getAsJsonObject().get("verdict").getAsString().equals("PASS")) {
                    failing++;
                }
            }
            JsonObject g = gens.get(gen).getAsJsonObject();
            x.add((double) ratio);
            mean.add(number(g.get("mean_tv")));
            lo.add(number(g.getAsJsonObject("tv_ci").get("lo")));
            hi.add(number(g.getAsJsonObject("tv_ci").get("hi")));
            bound.add(upper(g.getAsJsonObject("bound")));
        }
        int boundPeak = argMax(bound);
        int lastIdx = ratios.size() - 1;
        boolean boundRisesAndFalls = boundPeak > 0 && boundPeak < lastIdx;
        c3.check(failing == 0 && boundRisesAndFalls ? "PASS" : "FAIL", String.format(java.util.Locale.ROOT,
                "expanding-synthetic sweep (r = %d, s/r = 0…%d, k = 10, %d replicates, generations 0…%d): the R3 bound"
                        + " with EPS-EMP's ε holds at every s (%d generation verdicts not PASS) and rises from %.4f at"
                        + " s/r = 0 to its peak %.4f at s/r = %d, then declines to %.4f at s/r = %d: %s",
                real, ratios.get(lastIdx), sweep.replicates(), gen, failing, bound.get(0), bound.get(boundPeak),
                ratios.get(boundPeak), bound.get(lastIdx), ratios.get(lastIdx),
                boundRisesAndFalls ? "rise-then-decline of the bound confirmed" : "bound does NOT rise then decline"));
        int simPeak = argMax(mean);
        c3.note(String.format(java.util.Locale.ROOT, "Observed, not judged: the simulated mean TV at generation %d is"
                        + " %.4f at s/r = 0, at most %.4f over the sweep (at s/r = %d) and %.4f at s/r = %d. For this unbiased"
                        + " learner the fresh sampling errors of successive generations are independent and add"
                        + " roughly in quadrature, while the bound adds them linearly (triangle inequality, R2); so"
                        + " the rise-then-decline of claim C3 is a property of the worst-case bound and need not"
                        + " appear in the mean TV of an unbiased discrete loop.",
                gen, mean.get(0), mean.get(simPeak), ratios.get(simPeak), mean.get(lastIdx), ratios.get(lastIdx)));
        c3.figure("phase-transition-simulated.svg", "Expanding-synthetic sweep, generation 3 (empirical learner, r = 100,"
                        + " k = 10): the R3 bound B_3 [derived] with EPS-EMP's ε(N, δ, k) against s/r (it rises, then"
                        + " declines, as claim C3 says of the TV bound), and the simulated mean TV(p̂_3, p₀) with its"
                        + " 95% confidence band.",
                new SvgPlot("Phase transition in simulation (generation 3)", "s / r (synthetic per real sample)",
                        "total variation (TV)").band("simulated 95% CI", array(x), array(lo), array(hi))
                        .line("simulated mean TV", array(x), array(mean))
                        .dashed("bound B_3 (R3 + EPS-EMP, upper end)", array(x), array(bound))
                        .render());
    }

    private static int argMax(List<Double> v) {
        int best = 0;
        for (int k = 1; k < v.size(); k++) {
            if (v.get(k) > v.get(best)) {
                best = k;
            }
        }
        return best;
    }

    /** C5: the K2 certified lower bound and the effective bandwidth growth. */
    private void kde(ClaimsReport report, Plan plan) {
        ClaimsReport.Section c5 = report.section("C5");
        progress("certify K2");
        Rational h = Rational.of(1, 5);
        int gens = 10;
        double[] x = new double[gens];
        double[] tv0 = new double[gens];
        double[] tvHalf = new double[gens];
        double[] bw0 = new double[gens];
        double[] bwHalf = new double[gens];
        for (int i = 0; i < gens; i++) {
            x[i] = i;
            Interval a = K2KdeExpectedDensity.tvToReal(Rational.ONE, h, Rational.ZERO, i, P);
            Interval c = K2KdeExpectedDensity.tvToReal(Rational.ONE, h, Rational.of(1, 2), i, P);
            tv0[i] = a.hi().doubleValue();
            tvHalf[i] = c.hi().doubleValue();
            bw0[i] = K2KdeExpectedDensity.effectiveBandwidth(h, Rational.ZERO, i, P).approx();
            bwHalf[i] = K2KdeExpectedDensity.effectiveBandwidth(h, Rational.of(1, 2), i, P).approx();
            if (i == 0 || i == 1 || i == 4 || i == 9) {
                c5.number("TV(E p̂_" + i + ", p₀), p₀ = N(0,1), h = 1/5, λ = 0 (certified lower bound on E TV)",
                        a.format(DIGITS), "[derived]");
            }
        }
        c5.figure("kde-k2.svg", "K2 [derived]: the certified lower bound TV(E p̂_i, p₀) ≤ E TV(p̂_i, p₀) for a Gaussian"
                + " KDE with h = 1/5 and p₀ = N(0,1), fully synthetic (λ = 0) and with half real data (λ = 1/2).",
                new SvgPlot("KDE: certified lower bound on E TV", "generation i", "TV(E p̂_i, p₀)")
                        .line("λ = 0", x, tv0).line("λ = 1/2", x, tvHalf).render());
        c5.figure("kde-bandwidth.svg", "Effective bandwidth of E p̂_i (K2): h·√(i+1) when fully synthetic; bounded "
                        + "when a proportion λ of real data is mixed in.",
                new SvgPlot("KDE: effective bandwidth growth", "generation i", "effective bandwidth (units of p₀'s σ)")
                        .line("λ = 0", x, bw0).line("λ = 1/2", x, bwHalf).render());
        kdeSimulated(c5, plan);
    }

    /** C5 in simulation: the KDE loop's E TV against K2's certified lower bound, for λ = 0 and λ = 1/2. */
    private void kdeSimulated(ClaimsReport.Section c5, Plan plan) {
        SvgPlot plot = new SvgPlot("KDE loop: simulated E TV and the K2 lower bound (h = 1/5, N = 100)",
                "generation i", "total variation (TV)");
        int gens = 9;
        Map<String, String> runs = new LinkedHashMap<>();
        runs.put("fully-synthetic", "0");
        runs.put("fixed-proportion", "1/2");
        for (Map.Entry<String, String> run : runs.entrySet()) {
            String scenario = run.getKey();
            String lam = run.getValue();
            progress("kde loop lambda = " + lam);
            List<String> args = new ArrayList<>(List.of("kde", "loop", "--scenario", scenario, "--n", "100",
                    "--bandwidth", "1/5", "--generations", Integer.toString(gens), "--replicates",
                    Integer.toString(plan.kdeReplicates()), "--seed", Long.toString(seed + 300)));
            if (!lam.equals("0")) {
                args.addAll(List.of("--lambda", lam));
            }
            addThreads(args);
            JsonObject o = GoldenVectors.runJson(args);
            List<JsonObject> values = new ArrayList<>();
            o.getAsJsonArray("values").forEach(e -> values.add(e.getAsJsonObject()));
            double[] x = array(column(values, v -> v.get("generation").getAsDouble()));
            List<Double> mean = column(values, v -> number(v.getAsJsonObject("tv").get("mean")));
            double[] lo = array(column(values, v -> number(v.getAsJsonObject("tv").get("ci95_lo"))));
            double[] hi = array(column(values, v -> number(v.getAsJsonObject("tv").get("ci95_hi"))));
            List<Double> lower = column(values, v -> upper(v.getAsJsonObject("k2_tv_lower_bound")));
            String lambda = "λ = " + lam;
            plot.band("simulated 95% CI, " + lambda, x, lo, hi).line("simulated E TV, " + lambda, x, array(mean))
                    .dashed("K2 lower bound TV(E p̂_i, p₀), " + lambda, x, array(lower));
            boolean pass = o.get("k2_all_checks_pass").getAsBoolean();
            c5.check(pass ? "PASS" : "FAIL", String.format(java.util.Locale.ROOT,
                    "KDE loop, %s (%s, N = 100, h = 1/5, %d replicates, generations 0…%d): the mean density at"
                            + " x = 0, 1, 2 matches K2's exact E p̂_i within Bonferroni 95%% intervals and the simulated"
                            + " E TV sits above the certified lower bound TV(E p̂_i, p₀) (at i = %d: %.4f ≥ %.4f) — %s;"
                            + " `loopbound %s`",
                    lambda, scenario, plan.kdeReplicates(), gens, gens, mean.get(gens), lower.get(gens),
                    pass ? "all K2 checks pass" : "some K2 check FAILED", String.join(" ", args)));
        }
        c5.figure("kde-simulated.svg", "KDE loop (Gaussian kernel, h = 1/5, p₀ = N(0,1), N = 100 per generation):"
                + " simulated E TV(p̂_i, p₀) with 95% confidence bands, above the certified K2 [derived] lower bound"
                + " TV(E p̂_i, p₀) (Jensen), fully synthetic (λ = 0) and with half real data (λ = 1/2). TV by"
                + " quadrature of |p̂_i − p₀|.", plot.render());
    }

    /** C4: TV against the training time τ per generation (the U-shape) and the D2 scaling of the best τ. */
    private void diffusion(ClaimsReport report, Plan plan) {
        ClaimsReport.Section c4 = report.section("C4");
        progress("certify D2");
        JsonObject d2 = GoldenVectors.runJson(List.of("threshold", "--stopping", "--m", "128", "--n", "400"));
        c4.number("τ* = (m N/4)^(1/5) for m = 128, N = 400 (D2, up to D0's hidden constants)",
                value(d2.getAsJsonObject("tau_star")), "[derived]");
        c4.number("5·4^(−4/5), the constant of φ(τ*) = 5·4^(−4/5)(m N)^(−1/5) (D2)",
                value(d2.getAsJsonObject("constant")), "[derived]");
        progress("diffusion tau-sweep");
        String taus = "1e4,1e5,1e6,1e7,1e8,1e9,1e10,1e11";
        List<String> args = new ArrayList<>(List.of("diffusion", "tau-sweep", "--n", "100,400", "--taus", taus,
                "--generations", "1", "--replicates", Integer.toString(plan.diffusionReplicates()), "--seed",
                Long.toString(seed + 200)));
        addThreads(args);
        JsonObject o = GoldenVectors.runJson(args);
        List<JsonObject> rows = new ArrayList<>();
        o.getAsJsonArray("values").forEach(e -> rows.add(e.getAsJsonObject()));
        SvgPlot plot = new SvgPlot("Diffusion loop: TV against the training time τ", "training time τ (flow units,"
                + " log scale)", "TV(p̂_i, p₀) (histogram estimate)").logX();
        StringBuilder verdicts = new StringBuilder();
        boolean uShaped = true;
        double bestSmall = Double.NaN;
        for (String n : List.of("100", "400")) {
            for (int g = 0; g <= 1; g++) {
                int gen = g;
                List<JsonObject> curve = rows.stream().filter(r -> r.get("n").getAsString().equals(n)
                        && r.get("generation").getAsInt() == gen).toList();
                List<Double> x = column(curve, r -> Rational.parse(r.get("tau").getAsString()).doubleValue());
                List<Double> mean = column(curve, r -> number(r.getAsJsonObject("tv").get("mean")));
                double[] lo = array(column(curve, r -> number(r.getAsJsonObject("tv").get("ci95_lo"))));
                double[] hi = array(column(curve, r -> number(r.getAsJsonObject("tv").get("ci95_hi"))));
                String name = "N = " + n + ", generation " + g;
                if (n.equals("400")) {
                    plot.band("95% CI, " + name, array(x), lo, hi);
                }
                plot.line("mean TV, " + name, array(x), array(mean));
                int best = argMax(mean.stream().map(v -> -v).toList());
                int last = mean.size() - 1;
                if (n.equals("100") && g == 0) {
                    bestSmall = x.get(best);
                }
                if (n.equals("400")) {
                    double pLeft = welchGreater(curve.get(0), curve.get(best));
                    double pRight = welchGreater(curve.get(last), curve.get(best));
                    boolean u = best > 0 && best < last && pLeft < 0.025 && pRight < 0.025;
                    uShaped &= u;
                    verdicts.append(String.format(java.util.Locale.ROOT, "%s: mean TV %.3f at τ = %s, minimum %.3f"
                                    + " at τ = %s, %.3f at τ = %s; one-sided Welch p-values (end above minimum) %.2g"
                                    + " and %.2g (%s at level 0.025 each); ", name, mean.get(0),
                            curve.get(0).get("tau").getAsString(), mean.get(best),
                            curve.get(best).get("tau").getAsString(), mean.get(last),
                            curve.get(last).get("tau").getAsString(), pLeft, pRight,
                            u ? "U-shaped" : "NOT U-shaped"));
                }
            }
        }
        // D2's scaling τ* ∝ N^(1/5), anchored at the empirical best τ for N = 100 (D2 fixes τ* only up to D0's
        // hidden constants, so only the ratio between sizes is a prediction).
        double predicted = bestSmall * Math.pow(4, 0.2);
        plot.marker(predicted, "D2: best τ(N=100)·4^(1/5)");
        c4.check(uShaped ? "PASS" : "FAIL", verdicts.toString() + plan.diffusionReplicates() + " replicates; `loopbound "
                + String.join(" ", args) + "`");
        JsonArray scaling = o.getAsJsonArray("scaling");
        for (JsonElement e : scaling) {
            JsonObject sc = e.getAsJsonObject();
            c4.number("empirical exponent of the best τ in N, generation " + sc.get("generation").getAsString()
                    + " (grid argmin, N = 100, 400; D2 predicts " + sc.get("d2_exponent").getAsString() + ")",
                    sc.get("empirical_exponent").getAsString(), "simulated (not certified)");
        }
        c4.note("The τ grid is coarse (decades) and τ is in the units of the gradient flow dA/dτ = −∇L"
                + " (spec/diffusion.md), so the empirical exponent is a rough estimate; D2's value τ* is in the units"
                + " of D0's bound and is not comparable to the grid's τ, only its N^(1/5) scaling is.");
        c4.figure("diffusion-tau.svg", "Diffusion loop (1-D Gaussian mixture, random-feature score network of width"
                + " m = 128 trained by the closed-form gradient flow for time τ; fully synthetic, generations 0 and 1):"
                + " TV(p̂_i, p₀) against τ is U-shaped (early stopping helps). The marker is D2's [derived] prediction"
                + " for N = 400 from the empirical optimum at N = 100: τ scales as N^(1/5).", plot.render());
    }

    /**
     * One-sided Welch t-test p-value that the mean TV of cell {@code a} exceeds that of cell {@code b}, from the
     * means, standard deviations and replicate counts the command prints (the minimum is chosen on the same data,
     * which makes the test slightly optimistic; the replicates are independent across τ only in their noise).
     */
    private static double welchGreater(JsonObject a, JsonObject b) {
        JsonObject ta = a.getAsJsonObject("tv");
        JsonObject tb = b.getAsJsonObject("tv");
        double va = Math.pow(number(ta.get("sd")), 2) / ta.get("replicates").getAsInt();
        double vb = Math.pow(number(tb.get("sd")), 2) / tb.get("replicates").getAsInt();
        double se = Math.sqrt(va + vb);
        double diff = number(ta.get("mean")) - number(tb.get("mean"));
        if (se == 0) {
            return diff > 0 ? 0 : 1;
        }
        double df = (va + vb) * (va + vb) / (va * va / (ta.get("replicates").getAsInt() - 1)
                + vb * vb / (tb.get("replicates").getAsInt() - 1));
        return org.apache.commons.statistics.distribution.TDistribution.of(df).survivalProbability(diff / se);
    }

    private void addThreads(List<String> args) {
        if (threads > 0) {
            args.addAll(List.of("--threads", Integer.toString(threads)));
        }
    }


    /** C6: the last-injection threshold (i−1)/i and the growing-size bound. */
    private void injectionAndGrowth(ClaimsReport report, Plan plan) {
        ClaimsReport.Section c6 = report.section("C6");
        progress("R4 corollaries");
        for (int i : new int[] {2, 5, 10, 100}) {
            c6.number("last-injection threshold (i−1)/i on λ_i for B_i ≤ 2ε, i = " + i,
                    R4Corollaries.lastInjectionThreshold(i).toString(), "[derived]");
        }
        int n = 30;
        double[] x = new double[n + 1];
        double[] linear = new double[n + 1];
        double[] growing = new double[n + 1];
        Rational c = Rational.ONE;
        BigInteger n0 = BigInteger.valueOf(100);
        for (int i = 0; i <= n; i++) {
            x[i] = i;
            linear[i] = R4Corollaries.fullySynthetic(Rational.of(1, 10), i).doubleValue();
            growing[i] = R4Corollaries.growingSize(c, n0, i, P).enclosure().hi().doubleValue();
        }
        Certified limit = R4Corollaries.growingSizeLimit(c, n0, P);
        c6.number("growing-size limit (π²/6)·c·N₀^(−1/2), c = 1, N₀ = 100", limit.format(DIGITS), "[derived]");
        c6.figure("growth.svg", "R4 [derived]: with constant sample size the fully synthetic bound grows linearly "
                        + "((i+1)ε, ε = c·N^(−1/2) = 1/10); with quartic growth N_j = N₀(j+1)^4 it stays below "
                        + "(π²/6)·c·N₀^(−1/2).",
                new SvgPlot("Fully synthetic: constant vs quartic sample size", "generation i", "bound B_i")
                        .line("N constant (= N₀)", x, linear).line("N_j = N₀ (j+1)^4", x, growing)
                        .dashed("limit (π²/6) c N₀^-1/2", new double[] {0, n},
                                new double[] {limit.approx(), limit.approx()}).render());
    }
}
