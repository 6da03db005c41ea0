package org.loopbound.sweep;

import java.util.List;
import org.loopbound.run.Workers;

/**
 * The default engine: the cells are computed in this process by the {@link Workers} pool (no per-cell task objects,
 * so a million cells cost no more memory than a thousand). One cell runs on one thread; the order in which cells
 * finish does not matter for any output.
 */
public final class LocalEngine implements SweepEngine {

    /** The engine's name. */
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(Grid grid, List<Long> positions, int threads, CellSink sink) throws InterruptedException {
        Workers.forEach(positions.size(), threads, "sweep", i -> {
            Cell cell = grid.cell(positions.get(i));
            sink.finished(cell, CellRecord.compute(grid, cell));
        });
    }
}
