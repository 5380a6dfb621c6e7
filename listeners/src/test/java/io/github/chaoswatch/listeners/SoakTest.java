package io.github.chaoswatch.listeners;

import io.github.chaoswatch.listeners.storage.ChaosRecord;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.core.storage.StorageMetaData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Long run (issue 8, item 2): thousands of iterations with the listener analysing every other one. Retained reports
 * stay within the history size, heap and native memory stop growing, the listener's thread ends on close, and no
 * workspace is left open on the analysis or the training thread.
 *
 * <p>CI runs a reduced setting (the default below, well under a minute); the full run of reliability.md is
 * {@code mvn -pl listeners surefire:test -Dtest=SoakTest -Dchaoswatch.soak.iterations=5000}.
 */
@Tag("soak")
class SoakTest {

    /** Iterations of the run; thousands for the documented full run. */
    private static final int ITERATIONS = Integer.getInteger("chaoswatch.soak.iterations", 400);
    private static final int HISTORY = 25;
    /** False for the control run of reliability.md: the same training without the listener. */
    private static final boolean WITH_LISTENER = Boolean.parseBoolean(System.getProperty("chaoswatch.soak.listener",
            "true"));
    /**
     * Heap growth allowed between a quarter of the run and its end, after GC. Retained state is bounded by HISTORY
     * (a few kB per report); one leaked rebuilt model or parameter snapshot per round (tens of kB for this 64-unit
     * network) would pass this bound within the CI run's few hundred analysed rounds.
     */
    private static final long HEAP_GROWTH_BYTES = 32L << 20;
    /** Resident-memory growth allowed: allocator caches and JIT vary by tens of MB; a native leak grows with rounds. */
    private static final long PHYSICAL_GROWTH_BYTES = 256L << 20;

    @Test
    void longRunKeepsMemoryThreadsAndWorkspacesBounded() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Baseline after ND4J and DL4J have started their own threads (deallocators, workspace cleaners).
        MultiLayerNetwork net = TrainingFixtures.network(1.5, 1e-3, 71);
        DataSet data = TrainingFixtures.batch(71);
        net.fit(data);
        settle();
        int baselineThreads = threads.getThreadCount();
        Set<Thread> baseline = Thread.getAllStackTraces().keySet();
        CountingRouter router = new CountingRouter();
        ChaosListener listener = new ChaosListener.Builder().frequency(2).exponents(2).steps(40).warmupSteps(10)
                .trajectories(2).historySize(HISTORY).storageRouter(router).build();
        if (WITH_LISTENER) {
            net.setListeners(listener);
        }
        long heapQuarter = 0;
        long physicalQuarter = 0;
        long totalQuarter = 0;
        int peakThreads = 0;
        for (int i = 1; i <= ITERATIONS; i++) {
            net.fit(data);
            peakThreads = Math.max(peakThreads, threads.getThreadCount());
            if (i == ITERATIONS / 4) {
                assertTrue(listener.awaitIdle(Duration.ofSeconds(60)));
                settle();
                heapQuarter = memory.getHeapMemoryUsage().getUsed();
                physicalQuarter = Pointer.physicalBytes();
                totalQuarter = Pointer.totalBytes();
            }
        }
        assertTrue(listener.awaitIdle(Duration.ofSeconds(60)));
        int settleRounds = settle();
        long heapEnd = memory.getHeapMemoryUsage().getUsed();
        long physicalEnd = Pointer.physicalBytes();
        long totalEnd = Pointer.totalBytes();
        long reportsRetained = listener.reports().size();
        long alertsRetained = listener.alerts().size();
        listener.close();
        int threadsAfterClose = awaitThreadCount(threads, baselineThreads);
        long analysed = router.updates.get();
        LoggerFactory.getLogger(SoakTest.class).info("soak: {} iterations, {} rounds analysed, {} skipped, {} reports"
                + " and {} alerts retained (history {}); heap after GC {} MB at 1/4, {} MB at end; JavaCPP total"
                + " {} MB -> {} MB; resident {} MB -> {} MB; threads {} before, {} peak, {} after close; workspace"
                + " left open on the analysis thread {} times; {} GC rounds to settle at the end", ITERATIONS, analysed, listener.skippedRounds(),
                reportsRetained, alertsRetained, HISTORY, mb(heapQuarter), mb(heapEnd), mb(totalQuarter),
                mb(totalEnd), mb(physicalQuarter), mb(physicalEnd), baselineThreads, peakThreads, threadsAfterClose,
                router.workspaceOpen.get(), settleRounds);

        assumeTrue(WITH_LISTENER, "control run: figures logged above, nothing to assert");
        // fit() numbers iterations from 1 after the warm-up; frequency 2 analyses the even ones.
        assertEquals(ITERATIONS / 2, analysed + listener.skippedRounds(), "every round analysed or skipped");
        assertEquals(0, chaoswatchThreads(), "chaoswatch threads alive after close");
        assertTrue(analysed > HISTORY, "too few rounds to test the history bound: " + analysed);
        assertTrue(reportsRetained <= HISTORY && alertsRetained <= HISTORY, reportsRetained + " / " + alertsRetained);
        assertTrue(heapEnd - heapQuarter < HEAP_GROWTH_BYTES, "heap grew " + mb(heapEnd - heapQuarter) + " MB");
        assertTrue(physicalEnd - physicalQuarter < PHYSICAL_GROWTH_BYTES,
                "resident memory grew " + mb(physicalEnd - physicalQuarter) + " MB");
        assertTrue(totalEnd - totalQuarter < PHYSICAL_GROWTH_BYTES,
                "JavaCPP allocations grew " + mb(totalEnd - totalQuarter) + " MB");
        assertEquals(0, router.workspaceOpen.get(), "analysis thread delivered with a workspace open");
        assertFalse(Nd4j.getWorkspaceManager().anyWorkspaceActiveForCurrentThread(), "training thread workspace");
        // The JVM starts and stops daemon threads of its own (JIT, cleaners, attach); what would outlive training
        // and keep a JVM from exiting is a non-daemon thread, and chaoswatch's own are checked by name above.
        List<String> newUserThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !baseline.contains(t) && !t.isDaemon()).map(Thread::getName).toList();
        assertEquals(List.of(), newUserThreads, "non-daemon threads started during the run and alive after close"
                + " (" + threadsAfterClose + " threads after close, " + baselineThreads + " before)");
    }

    /** Waits (up to 30 s) for the live thread count to fall to {@code baseline}; returns the last count. */
    private static int awaitThreadCount(ThreadMXBean threads, int baseline) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (threads.getThreadCount() > baseline && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return threads.getThreadCount();
    }

    private static long chaoswatchThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("chaoswatch-analysis"))
                .count();
    }

    /**
     * Full GCs until used heap has stopped falling for three rounds (at most 120 rounds of 0.5 s). ND4J frees native
     * buffers on its deallocator threads after GC has found their arrays unreachable, and only the next GC reclaims
     * its tracking objects: after one GC we saw 770 000 such references (150 MB of heap) waiting, drained over the
     * following seconds. Returns the number of rounds it took.
     */
    private static int settle() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long lowest = Long.MAX_VALUE;
        int flat = 0;
        int round = 0;
        while (flat < 3 && round < 120) {
            System.gc();
            Thread.sleep(500);
            long used = memory.getHeapMemoryUsage().getUsed();
            flat = used > lowest - (1L << 20) ? flat + 1 : 0;
            lowest = Math.min(lowest, used);
            round++;
        }
        return round;
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }

    /** Counts chaoswatch updates and checks, on the thread that delivers them, that no workspace is open. */
    private static final class CountingRouter implements StatsStorageRouter {
        final AtomicLong updates = new AtomicLong();
        final AtomicLong workspaceOpen = new AtomicLong();

        @Override
        public void putStorageMetaData(StorageMetaData metaData) {
        }

        @Override
        public void putStorageMetaData(Collection<? extends StorageMetaData> metaData) {
        }

        @Override
        public void putStaticInfo(Persistable staticInfo) {
        }

        @Override
        public void putStaticInfo(Collection<? extends Persistable> staticInfo) {
        }

        @Override
        public void putUpdate(Persistable update) {
            if (ChaosRecord.TYPE_ID.equals(update.getTypeID())) {
                updates.incrementAndGet();
            }
            if (Nd4j.getWorkspaceManager().anyWorkspaceActiveForCurrentThread()) {
                workspaceOpen.incrementAndGet();
            }
        }

        @Override
        public void putUpdate(Collection<? extends Persistable> updates) {
            updates.forEach(this::putUpdate);
        }
    }
}
