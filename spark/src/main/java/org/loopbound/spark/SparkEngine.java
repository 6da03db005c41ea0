package org.loopbound.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.loopbound.sweep.CellRecord;
import org.loopbound.sweep.Grid;
import org.loopbound.sweep.SweepEngine;
import scala.Tuple2;

/**
 * The sweep as an Apache Spark job ({@code loopbound sweep --engine spark}). Spark only distributes cell
 * positions: each executor re-parses the grid's text and computes its cells with {@link CellRecord#compute}, the
 * same code as the in-process engine, so the records are the same bytes. The driver receives the records and
 * hands them to the sink (the result store) batch by batch, so an interrupted job loses at most the batches in
 * flight.
 *
 * <p>Master: {@code spark.master} when set (spark-submit sets it), otherwise {@code local[T]} with T the sweep's
 * {@code --threads}.
 */
public final class SparkEngine implements SweepEngine {

    /** The engine's name. */
    public static final String NAME = "spark";
    /** Cells per task in a batch: enough to amortise Spark's per-job cost, few enough to store progress often. */
    private static final int CELLS_PER_TASK = 8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(Grid grid, List<Long> positions, int threads, CellSink sink) throws InterruptedException {
        if (positions.isEmpty()) {
            return;
        }
        SparkConf conf = new SparkConf().setAppName("loopbound sweep " + grid.source());
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[" + threads + "]");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            String text = grid.text();
            String source = grid.source();
            int parallelism = Math.max(1, sc.defaultParallelism());
            int batch = parallelism * CELLS_PER_TASK;
            for (int from = 0; from < positions.size(); from += batch) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("sweep interrupted; finished cells are stored");
                }
                List<Long> chunk = new ArrayList<>(positions.subList(from, Math.min(positions.size(), from + batch)));
                List<Tuple2<Long, String>> records = sc.parallelize(chunk, Math.min(parallelism, chunk.size()))
                        .mapPartitions(it -> {
                            Grid g = Grid.parse(text, source);
                            List<Tuple2<Long, String>> out = new ArrayList<>();
                            while (it.hasNext()) {
                                long p = it.next();
                                out.add(new Tuple2<>(p, CellRecord.compute(g, g.cell(p))));
                            }
                            return out.iterator();
                        }).collect();
                for (Tuple2<Long, String> r : records) {
                    sink.finished(grid.cell(r._1()), r._2());
                }
            }
        }
    }
}
