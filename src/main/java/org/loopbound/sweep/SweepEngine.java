package org.loopbound.sweep;

import java.util.List;
import java.util.ServiceLoader;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Computes a set of cells of a grid and hands each record over as soon as it is finished. Every engine computes a
 * cell with {@link CellRecord#compute} and nothing else, so the records, and every output made from them, are the
 * same bytes whichever engine ran. Engines other than the in-process one are found with
 * {@link java.util.ServiceLoader} (the Apache Spark engine lives in the optional module {@code spark/}).
 */
public interface SweepEngine {

    /** Receives finished cells; called from any thread, possibly concurrently. */
    @FunctionalInterface
    interface CellSink {
        /** {@code record} is {@code CellRecord.compute(grid, cell)}. */
        void finished(Cell cell, String record);
    }

    /**
     * The engine called {@code name}: {@link LocalEngine} for "local", otherwise the first engine of that name that
     * {@link ServiceLoader} finds on the class path; {@code null} when there is none.
     */
    static @Nullable SweepEngine find(String name) {
        if (name.equals(LocalEngine.NAME)) {
            return new LocalEngine();
        }
        for (SweepEngine e : ServiceLoader.load(SweepEngine.class)) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The engine's name, as given to {@code loopbound sweep --engine}. */
    String name();

    /**
     * Computes the cells at {@code positions} (each in [0, grid.cellCount())) and passes each record to {@code sink}
     * once, in any order. {@code threads} is the parallelism the user asked for (an engine with its own notion of
     * parallelism, such as a cluster, may ignore it). Returns when every cell has been handed over.
     *
     * @throws InterruptedException when interrupted; records already handed over stay valid
     */
    void run(Grid grid, List<Long> positions, int threads, CellSink sink) throws InterruptedException;
}
