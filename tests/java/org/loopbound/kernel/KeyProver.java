package org.loopbound.kernel;

import de.uka.ilkd.key.control.KeYEnvironment;
import de.uka.ilkd.key.java.abstraction.KeYJavaType;
import de.uka.ilkd.key.logic.op.IObserverFunction;
import de.uka.ilkd.key.proof.Proof;
import de.uka.ilkd.key.settings.ChoiceSettings;
import de.uka.ilkd.key.settings.PathConfig;
import de.uka.ilkd.key.settings.ProofSettings;
import de.uka.ilkd.key.speclang.Contract;
import de.uka.ilkd.key.strategy.StrategyProperties;
import de.uka.ilkd.key.util.KeYTypeUtil;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.key_project.util.collection.ImmutableSet;

/**
 * Headless KeY 2.12.3 driver for the kernel proofs (used by {@link KernelContractsProofTest}).
 *
 * <p>Order matters: {@link #configure(Path)} must run before any KeY settings class is initialised, because
 * KeY reads its settings folder in static initialisers, and the taclet choice {@code intRules:javaSemantics}
 * must be the default choice before a problem is loaded, because every proof copies the defaults at load time.
 */
final class KeyProver {

    /** The overflow-sound integer semantics: Java's int/long wrap-around is part of every proof. */
    static final String INT_RULES = "intRules:javaSemantics";

    private static final String REDUX_IN_JAR = "de/uka/ilkd/key/java/JavaRedux/";

    private KeyProver() {
    }

    /** One contract's outcome. */
    record Outcome(String contract, boolean closed, int openGoals, int nodes, long millis, String intRules) {
        @Override
        public String toString() {
            return String.format("%-8s %-110s nodes=%6d open=%3d %6d ms  [%s]", closed ? "PROVED" : "OPEN",
                    contract, nodes, openGoals, millis, intRules);
        }
    }

    /**
     * Points KeY's settings folder at {@code work/key-config} (never the home folder) and makes
     * {@link #INT_RULES} the default taclet choice.
     */
    static void configure(Path work) throws IOException {
        Path config = work.resolve("key-config");
        Files.createDirectories(config);
        PathConfig.setKeyConfigDir(config.toAbsolutePath().toString());
        ChoiceSettings choices = ProofSettings.DEFAULT_SETTINGS.getChoiceSettings();
        Map<String, String> defaults = new HashMap<>(choices.getDefaultChoices());
        defaults.put("intRules", INT_RULES);
        choices.setDefaultChoices(defaults);
    }

    /**
     * Builds the boot class path: KeY's own JavaRedux from the key.core jar, with every file of
     * {@code overlay} (our extended java/math/BigInteger.java) copied over it.
     */
    static Path bootClassPath(Path work, Path overlay) throws IOException {
        Path redux = work.resolve("JavaRedux");
        deleteTree(redux);
        URL marker = KeYEnvironment.class.getClassLoader().getResource(REDUX_IN_JAR + "JAVALANG.TXT");
        if (marker == null) {
            throw new IOException("JavaRedux not found in key.core");
        }
        if (!"jar".equals(marker.getProtocol())) {
            throw new IOException("key.core is expected as a jar, found " + marker);
        }
        try (JarFile jar = ((JarURLConnection) marker.openConnection()).getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().startsWith(REDUX_IN_JAR)) {
                    continue;
                }
                Path target = redux.resolve(e.getName().substring(REDUX_IN_JAR.length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        copyTree(overlay, redux);
        return redux;
    }

    /** Copies {@code files} (Java sources of one package {@code pkg}) into a fresh source folder. */
    static Path sourceFolder(Path work, String name, String pkg, List<Path> files) throws IOException {
        Path root = work.resolve(name);
        deleteTree(root);
        Path dir = root.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        for (Path f : files) {
            Files.copy(f, dir.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
        return root;
    }

    static KeYEnvironment<?> load(Path sources, Path boot) throws Exception {
        return KeYEnvironment.load(sources.toFile(), null, boot.toFile(), null);
    }

    /** All contracts of the non-library types loaded in {@code env}, sorted by name. */
    static List<Contract> contracts(KeYEnvironment<?> env) {
        List<Contract> result = new ArrayList<>();
        for (KeYJavaType type : env.getJavaInfo().getAllKeYJavaTypes()) {
            if (KeYTypeUtil.isLibraryClass(type)) {
                continue;
            }
            ImmutableSet<IObserverFunction> targets = env.getSpecificationRepository().getContractTargets(type);
            for (IObserverFunction target : targets) {
                for (Contract c : env.getSpecificationRepository().getContracts(type, target)) {
                    result.add(c);
                }
            }
        }
        result.sort((x, y) -> x.getName().compareTo(y.getName()));
        return result;
    }

    /**
     * Runs auto mode on one contract, bounded by {@code maxSteps} rule applications and {@code timeoutMs}.
     *
     * @param nonLinear KeY's non-linear arithmetic option ({@link StrategyProperties#NON_LIN_ARITH_DEF_OPS} or
     *        {@link StrategyProperties#NON_LIN_ARITH_COMPLETION})
     */
    static Outcome prove(KeYEnvironment<?> env, Contract contract, String nonLinear, int maxSteps, long timeoutMs)
            throws Exception {
        long t0 = System.nanoTime();
        Proof proof = env.createProof(contract.createProofObl(env.getInitConfig(), contract));
        try {
            String intRules = proof.getSettings().getChoiceSettings().getDefaultChoices().get("intRules");
            StrategyProperties sp = proof.getSettings().getStrategySettings().getActiveStrategyProperties();
            sp.setProperty(StrategyProperties.METHOD_OPTIONS_KEY, StrategyProperties.METHOD_CONTRACT);
            sp.setProperty(StrategyProperties.LOOP_OPTIONS_KEY, StrategyProperties.LOOP_INVARIANT);
            sp.setProperty(StrategyProperties.DEP_OPTIONS_KEY, StrategyProperties.DEP_ON);
            sp.setProperty(StrategyProperties.QUERY_OPTIONS_KEY, StrategyProperties.QUERY_OFF);
            sp.setProperty(StrategyProperties.NON_LIN_ARITH_OPTIONS_KEY, nonLinear);
            sp.setProperty(StrategyProperties.STOPMODE_OPTIONS_KEY, StrategyProperties.STOPMODE_DEFAULT);
            // Induction only fires on quantified variables whose name ends in "Ind" (the kernel's lemmas).
            sp.setProperty(StrategyProperties.AUTO_INDUCTION_OPTIONS_KEY, StrategyProperties.AUTO_INDUCTION_ON);
            proof.getSettings().getStrategySettings().setActiveStrategyProperties(sp);
            proof.getSettings().getStrategySettings().setMaxSteps(maxSteps);
            proof.getSettings().getStrategySettings().setTimeout(timeoutMs);
            ProofSettings.DEFAULT_SETTINGS.getStrategySettings().setMaxSteps(maxSteps);
            ProofSettings.DEFAULT_SETTINGS.getStrategySettings().setTimeout(timeoutMs);
            proof.setActiveStrategy(
                    proof.getServices().getProfile().getDefaultStrategyFactory().create(proof, sp));
            env.getUi().getProofControl().startAndWaitForAutoMode(proof);
            long ms = (System.nanoTime() - t0) / 1_000_000L;
            String dump = System.getProperty("loopbound.key.dump");
            if (dump != null && !proof.closed()) {
                dumpOpenGoals(proof, contract, Path.of(dump));
            }
            return new Outcome(contract.getName(), proof.closed(), proof.openGoals().size(), proof.countNodes(), ms,
                    intRules);
        } finally {
            proof.dispose();
        }
    }

    /** Debugging aid: writes the first open goals of {@code proof} to {@code dir} (-Dloopbound.key.dump=DIR). */
    private static void dumpOpenGoals(Proof proof, Contract contract, Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (de.uka.ilkd.key.proof.Goal g : proof.openGoals()) {
            if (n++ >= 6) {
                break;
            }
            sb.append("==== open goal ").append(n).append('\n')
                    .append(de.uka.ilkd.key.pp.LogicPrinter.quickPrintSequent(g.sequent(), proof.getServices()))
                    .append('\n');
        }
        Files.createDirectories(dir);
        String file = contract.getTarget().name().toString().replaceAll("[^A-Za-z0-9_.]", "_") + ".txt";
        Files.writeString(dir.resolve(file), sb.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = new ArrayList<>();
            s.forEach(all::add);
            for (int i = all.size() - 1; i >= 0; i--) {
                Files.delete(all.get(i));
            }
        }
    }
}
