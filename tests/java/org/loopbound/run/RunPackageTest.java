package org.loopbound.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one resumable-run mechanism: workers, ordered resumable tasks, record stores and run directories. */
class RunPackageTest {

    private static final ResumableTasks.Codec<Long> LONGS = new ResumableTasks.Codec<>() {
        @Override
        public JsonObject encode(Long value) {
            JsonObject o = new JsonObject();
            o.addProperty("v", value);
            return o;
        }

        @Override
        public Long decode(JsonObject record) {
            return record.get("v").getAsLong();
        }
    };

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64})
    void workersCallEveryIndexExactlyOnce(int threads) throws InterruptedException {
        AtomicIntegerArray calls = new AtomicIntegerArray(1000);
        Workers.forEach(1000, threads, "t", calls::incrementAndGet);
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, calls.get(i), "index " + i);
        }
        Workers.forEach(0, threads, "t", i -> {
            throw new AssertionError("no task");
        });
    }

    @Test
    void theFirstFailureIsRethrownAndStopsNewTasks() {
        AtomicInteger ran = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Workers.forEach(100_000, 2, "t",
                i -> {
                    ran.incrementAndGet();
                    if (i == 10) {
                        throw boom;
                    }
                }));
        assertSame(boom, e);
        assertTrue(ran.get() < 100_000, "workers stop taking tasks after a failure: " + ran.get());
        assertThrows(IllegalArgumentException.class, () -> Workers.forEach(1, 0, "t", i -> { }));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void resultsComeInTaskOrderAndKnownOnesAreNotRecomputed(int threads) throws InterruptedException {
        Map<Integer, Long> done = new HashMap<>(Map.of(3, 9L, 5, 25L));
        List<Long> finished = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger progress = new AtomicInteger();
        List<Long> out = ResumableTasks.run(8, threads, i -> {
            assertFalse(i == 3 || i == 5, "task " + i + " was known");
            return (long) i * i;
        }, done, finished::add, n -> progress.addAndGet((int) n));
        assertEquals(List.of(0L, 1L, 4L, 9L, 16L, 25L, 36L, 49L), out);
        assertEquals(6, finished.size());
        assertEquals(6, progress.get());
    }

    @Test
    void aRunDirectoryResumesFromItsRecordsAndRefusesAnotherConfiguration(@TempDir Path tmp)
            throws InterruptedException {
        Path dir = tmp.resolve("run");
        JsonObject params = new JsonObject();
        params.addProperty("n", "10");
        RunDirectory first = RunDirectory.open(dir, false, "test", "dev", params, "records", "rec");
        List<Long> a = ResumableTasks.run(5, 2, i -> (long) i + 100, first, LONGS, n -> { });
        assertTrue(Files.isRegularFile(dir.resolve("config.json")));
        assertTrue(Files.isRegularFile(dir.resolve("records").resolve("rec-000004.json")));

        RunDirectoryException again = assertThrows(RunDirectoryException.class,
                () -> RunDirectory.open(dir, false, "test", "dev", params, "records", "rec"));
        assertTrue(again.getMessage().contains("already holds a run"), again.getMessage());

        JsonObject other = new JsonObject();
        other.addProperty("n", "11");
        RunDirectoryException differs = assertThrows(RunDirectoryException.class,
                () -> RunDirectory.open(dir, true, "test", "dev", other, "records", "rec"));
        assertTrue(differs.getMessage().contains("n: stored \"10\", given \"11\""), differs.getMessage());

        RunDirectory resumed = RunDirectory.open(dir, true, "test", "dev", params, "records", "rec");
        List<Long> b = ResumableTasks.run(5, 1, i -> {
            throw new AssertionError("every task has a record");
        }, resumed, LONGS, n -> { });
        assertEquals(a, b);
        assertThrows(RunDirectoryException.class,
                () -> RunDirectory.open(null, true, "test", "dev", params, "records", "rec"));
        assertNull(RunDirectory.open(null, false, "test", "dev", params, "records", "rec"));
    }

    @Test
    void anOutputFolderMustBeAbsentEmptyOrARunOfTheSameCommand(@TempDir Path tmp) throws Exception {
        Path user = Files.createDirectories(tmp.resolve("user"));
        Files.writeString(user.resolve("notes.txt"), "mine");
        RunDirectoryException theirs = assertThrows(RunDirectoryException.class, () -> RunDirectory.claim(user,
                "test"));
        assertTrue(theirs.getMessage().startsWith("--out " + user + " already holds files"), theirs.getMessage());
        assertFalse(Files.exists(user.resolve(RunDirectory.MARKER)), "nothing written into the user's folder");
        Path fresh = tmp.resolve("fresh");
        assertEquals(fresh, RunDirectory.claim(fresh, "test"));
        assertEquals("test\n", Files.readString(fresh.resolve(RunDirectory.MARKER)));
        Files.writeString(fresh.resolve("output.txt"), "a file the run wrote");
        assertEquals(fresh, RunDirectory.claim(fresh, "test"), "its own run folder again");
        RunDirectoryException other = assertThrows(RunDirectoryException.class, () -> RunDirectory.claim(fresh,
                "other"));
        assertTrue(other.getMessage().contains("holds a run of loopbound test"), other.getMessage());
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThrows(RunDirectoryException.class, () -> RunDirectory.claim(file, "test"));
        assertThrows(RunDirectoryException.class, () -> RunDirectory.claim(Path.of(""), "test"));
        assertThrows(java.io.UncheckedIOException.class, () -> RunDirectory.claim(file.resolve("below"), "test"));
    }

    @Test
    void aRunThatFailsSaysWhyAndResumingContinuesFromItsRecords(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        JsonObject params = new JsonObject();
        params.addProperty("n", "5");
        RunDirectory first = RunDirectory.open(dir, false, "test", "dev", params, "records", "rec");
        IllegalStateException boom = new IllegalStateException("task 3 diverged");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> RunDirectory.recordingFailure(
                first, () -> ResumableTasks.run(5, 1, i -> {
                    if (i == 3) {
                        throw boom;
                    }
                    return (long) i;
                }, first, LONGS, n -> { })));
        assertSame(boom, thrown);
        assertTrue(Files.readString(dir.resolve(RunDirectory.FAILURE)).contains("task 3 diverged"));
        assertTrue(Files.isRegularFile(dir.resolve("records").resolve("rec-000002.json")));

        RunDirectory resumed = RunDirectory.open(dir, true, "test", "dev", params, "records", "rec");
        assertFalse(Files.exists(dir.resolve(RunDirectory.FAILURE)), "a resumed run forgets the old failure");
        AtomicInteger computed = new AtomicInteger();
        List<Long> all = ResumableTasks.run(5, 1, i -> {
            computed.incrementAndGet();
            return (long) i;
        }, resumed, LONGS, n -> { });
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), all);
        assertEquals(2, computed.get(), "only the tasks without a record");
    }

    @Test
    void openingAStoreDeletesTheTemporariesOfAKilledWriter(@TempDir Path tmp) throws Exception {
        Path shard = Files.createDirectories(tmp.resolve("ab"));
        Path stale = Files.writeString(shard.resolve(".abcd.json.123.tmp"), "half");
        Path staleTop = Files.writeString(tmp.resolve(".x.json.1.tmp"), "half");
        RecordStore store = RecordStore.open(tmp);
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(staleTop));
        store.store("ab/abcd", "whole");
        store.store("rec-1", "one");
        assertEquals("whole", store.load("ab/abcd"));
        assertNull(store.load("ab/none"));
        assertEquals(List.of("rec-1"), store.names("rec-"));
    }
}
