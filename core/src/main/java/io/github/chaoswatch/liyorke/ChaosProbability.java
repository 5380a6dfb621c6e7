package io.github.chaoswatch.liyorke;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Estimates by Monte Carlo the probability that a {@link RandomScalarRnn} has a point of prime period 3, and hence is
 * Li–Yorke chaotic, over a grid of initializations × widths × weight scales (THEORY.md §4.3).
 *
 * <p>For each cell, n networks are drawn with seeds that are a pure function of (base seed, initialization, width,
 * scale, sample index), each is searched by {@link PeriodThreeDetector} on its automatic interval, and the count of
 * PERIOD3 verdicts gives p̂ with a Wilson 95% interval ({@link ProbabilityEstimate}). The scrambling paper
 * (Chatziafratis, Panageas, Sanford &amp; Stavroulakis 2022, arXiv:2210.05212) proves that under He or Xavier
 * initialization this probability is bounded below by a constant independent of the width; these are chaoswatch's
 * own measurements, not reproductions of the paper's numbers (THEORY.md §4.5 explains why its notebook percentages
 * are not reference values).
 *
 * <p><b>Parallelism and reproducibility.</b> The samples of a cell run on a {@link ForkJoinPool} of
 * {@link Builder#parallelism} threads (default: all processors); cells run one after the other, so each cell's
 * elapsed time is its own. Because every seed is a pure function of the cell and index and every sample is
 * independent, the counts do not depend on the number of threads or their scheduling.
 *
 * <pre>{@code
 * ChaosProbabilityReport report = new ChaosProbability.Builder(1_000).widths(16, 64, 256).scales(1, 2).build()
 *         .estimate((done, total) -> bar.update(done, total));
 * }</pre>
 *
 * <p>Immutable and thread-safe; one {@code estimate} call creates and shuts down its own pool.
 */
public final class ChaosProbability {

    /** Default widths: 16 … 256 by factors of 2, the range of the reproduction note. */
    static final int[] DEFAULT_WIDTHS = {16, 32, 64, 128, 256};

    /** Default base seed. */
    public static final long DEFAULT_SEED = 42;

    /** ForkJoinPool's own limit on parallelism (threads). */
    private static final int MAX_PARALLELISM = 0x7fff;

    /** Chunks per thread: enough that uneven sample costs balance out, few enough that scheduling is cheap. */
    private static final int CHUNKS_PER_THREAD = 4;

    /** Receives progress; calls never overlap, and {@code done} increases by one per call up to {@code total}. */
    @FunctionalInterface
    public interface Progress {

        /**
         * Reports that {@code done} of {@code total} samples (all cells) are finished. Called from worker threads,
         * one call at a time; keep it short.
         */
        void update(int done, int total);
    }

    private final int seeds;
    private final int[] widths;
    private final double[] scales;
    private final RandomScalarRnn.Initialization[] initializations;
    private final RandomScalarRnn.OutputFunction output;
    private final PeriodThreeDetector detector;
    private final long seed;
    private final int parallelism;

    private ChaosProbability(Builder builder) {
        this.seeds = builder.seeds;
        this.widths = builder.widths.clone();
        this.scales = builder.scales.clone();
        this.initializations = builder.initializations.clone();
        this.output = builder.output;
        this.detector = new PeriodThreeDetector.Builder().gridSize(builder.gridSize).build();
        this.seed = builder.seed;
        this.parallelism = builder.parallelism;
    }

    /** Runs the estimate without progress reports. */
    public ChaosProbabilityReport estimate() {
        return estimate((done, total) -> {
        });
    }

    /**
     * Runs the estimate, reporting progress.
     *
     * @param progress receives (done, total) after every sample
     * @return one row per initialization × width × scale, in that nesting order
     */
    public ChaosProbabilityReport estimate(Progress progress) {
        Objects.requireNonNull(progress, "progress");
        int total = initializations.length * widths.length * scales.length * seeds;
        int[] done = {0};
        Object lock = new Object();
        long start = System.nanoTime();
        List<ProbabilityEstimate> rows = new ArrayList<>();
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            for (RandomScalarRnn.Initialization initialization : initializations) {
                for (int width : widths) {
                    for (double scale : scales) {
                        long cellStart = System.nanoTime();
                        boolean[] positive = new boolean[seeds];
                        List<Callable<Void>> chunks = new ArrayList<>();
                        int chunkCount = Math.min(seeds, CHUNKS_PER_THREAD * parallelism);
                        for (int c = 0; c < chunkCount; c++) {
                            int from = (int) ((long) seeds * c / chunkCount);
                            int to = (int) ((long) seeds * (c + 1) / chunkCount);
                            chunks.add(() -> {
                                for (int j = from; j < to; j++) {
                                    positive[j] = sample(initialization, width, scale, j);
                                    synchronized (lock) {
                                        progress.update(++done[0], total);
                                    }
                                }
                                return null;
                            });
                        }
                        runAll(pool, chunks);
                        int count = 0;
                        for (boolean p : positive) {
                            count += p ? 1 : 0;
                        }
                        rows.add(ProbabilityEstimate.of(initialization, width, scale, seeds, count,
                                Duration.ofNanos(System.nanoTime() - cellStart)));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new ChaosProbabilityReport(rows, toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Draws sample j of a cell and returns whether it has period 3. */
    boolean sample(RandomScalarRnn.Initialization initialization, int width, double scale, int j) {
        RandomScalarRnn network = new RandomScalarRnn.Builder(width).initialization(initialization)
                .weightScale(scale).output(output).seed(sampleSeed(seed, initialization, width, scale, j)).build();
        return detector.detect(network.toScalarMap()).verdict() == PeriodSearchResult.Verdict.PERIOD3;
    }

    /**
     * Returns the seed of sample j of a cell: a pure function of its arguments (SplitMix64 finalizer over each in
     * turn), so results never depend on the thread that draws the sample.
     */
    static long sampleSeed(long base, RandomScalarRnn.Initialization initialization, int width, double scale, int j) {
        long h = mix(base);
        h = mix(h ^ initialization.name().hashCode());
        h = mix(h ^ width);
        h = mix(h ^ Double.doubleToLongBits(scale));
        return mix(h ^ j);
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer, as SplittableRandom uses it. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void runAll(ForkJoinPool pool, List<Callable<Void>> chunks) {
        List<Future<Void>> futures = pool.invokeAll(chunks);
        for (Future<Void> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("chaos probability estimate interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("chaos probability sample failed: " + e.getCause(), e.getCause());
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ChaosProbability[seeds=%d, initializations=%s, widths=%s, scales=%s,"
                        + " output=%s, detector=%s, seed=%d, parallelism=%d]", seeds, Arrays.toString(initializations),
                Arrays.toString(widths), Arrays.toString(scales), output, detector, seed, parallelism);
    }

    /** Builds a {@link ChaosProbability}. */
    public static final class Builder {

        private final int seeds;
        private int[] widths = DEFAULT_WIDTHS.clone();
        private double[] scales = {1};
        private RandomScalarRnn.Initialization[] initializations = RandomScalarRnn.Initialization.values();
        private RandomScalarRnn.OutputFunction output = RandomScalarRnn.OutputFunction.IDENTITY;
        private int gridSize = PeriodThreeDetector.DEFAULT_GRID_SIZE;
        private long seed = DEFAULT_SEED;
        private int parallelism = Runtime.getRuntime().availableProcessors();

        /**
         * Starts a builder.
         *
         * @param seeds n, networks drawn per cell (at least 1; the 95% interval is about ±1/√n wide near p = ½,
         *              ±2√(p/n) for small p)
         */
        public Builder(int seeds) {
            this.seeds = seeds;
        }

        /** Sets the widths k (default 16, 32, 64, 128, 256; each at least 1). */
        public Builder widths(int... widths) {
            this.widths = widths.clone();
            return this;
        }

        /** Sets the weight scales s (default 1; each finite and &gt; 0), see {@link RandomScalarRnn.Builder}. */
        public Builder scales(double... scales) {
            this.scales = scales.clone();
            return this;
        }

        /** Sets the initializations (default He and Glorot). */
        public Builder initializations(RandomScalarRnn.Initialization... initializations) {
            this.initializations = initializations.clone();
            return this;
        }

        /** Sets σ_out (default identity). */
        public Builder output(RandomScalarRnn.OutputFunction output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** Sets the detector's grid size M (default {@value PeriodThreeDetector#DEFAULT_GRID_SIZE}). */
        public Builder gridSize(int gridSize) {
            this.gridSize = gridSize;
            return this;
        }

        /** Sets the base seed (default {@value #DEFAULT_SEED}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the number of worker threads (default: available processors; at least 1). */
        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public ChaosProbability build() {
            List<String> problems = new ArrayList<>();
            if (!(seeds >= 1)) {
                problems.add("seeds = " + seeds + " must be at least 1; about 1000 give intervals of +-0.03");
            }
            if (widths.length == 0 || Arrays.stream(widths).anyMatch(k -> !(k >= 1))) {
                problems.add("widths = " + Arrays.toString(widths) + " must be a non-empty list of widths >= 1");
            }
            if (scales.length == 0
                    || Arrays.stream(scales).anyMatch(s -> !(s > 0 && ConfigurationProblems.finite(s)))) {
                problems.add("scales = " + Arrays.toString(scales) + " must be a non-empty list of finite numbers > 0");
            }
            if (initializations.length == 0 || Arrays.stream(initializations).anyMatch(Objects::isNull)) {
                problems.add("initializations must be a non-empty list, e.g. initializations(HE, GLOROT)");
            }
            if (!(gridSize >= PeriodThreeDetector.MIN_GRID_SIZE)) {
                problems.add("gridSize = " + gridSize + " must be at least " + PeriodThreeDetector.MIN_GRID_SIZE);
            }
            if (!(parallelism >= 1 && parallelism <= MAX_PARALLELISM)) {
                problems.add("parallelism = " + parallelism + " must be between 1 and " + MAX_PARALLELISM);
            }
            ConfigurationProblems.check("ChaosProbability", problems);
            return new ChaosProbability(this);
        }
    }
}
