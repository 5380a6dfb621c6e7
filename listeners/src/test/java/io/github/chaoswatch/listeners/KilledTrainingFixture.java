package io.github.chaoswatch.listeners;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.nd4j.linalg.dataset.DataSet;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Produces a {@code FileStatsStorage} file whose writer was killed with SIGKILL in the middle of training (issue 8,
 * item 4), for the listener's persistence test and the UI page's. {@link #killDuringTraining} forks a JVM running
 * {@link #main} — a chaoswatch-watched network training without end, its reports going to the file — waits until the
 * child has printed {@code COMMITTED <timestamp>} for the wanted number of reports (printed only after
 * {@code FileStatsStorage.putUpdate} returned, that is after MapDB's commit), and kills it.
 */
public final class KilledTrainingFixture {

    /** The session id the child writes under. */
    public static final String SESSION = "killed";
    /** The worker id the child writes under. */
    public static final String WORKER = "worker-0";
    private static final String COMMITTED = "COMMITTED ";

    private KilledTrainingFixture() {
    }

    /** What a killed run left: the file and the timestamps of the reports the child saw committed. */
    public record KilledRun(File file, List<Long> committedTimestamps, int exitValue) {
    }

    /**
     * Forks a training JVM writing to {@code file}, kills it with SIGKILL once {@code reports} reports are committed,
     * and returns what it had committed.
     */
    public static KilledRun killDuringTraining(File file, int reports, long timeoutSeconds) throws Exception {
        try (ForkedJvm child = new ForkedJvm(KilledTrainingFixture.class,
                ForkedJvm.stderrFile(file.getParentFile(), file.getName()), file.getPath())) {
            List<String> committed = child.await(l -> l.startsWith(COMMITTED), reports, timeoutSeconds);
            child.kill();
            // Lines printed between the last await and the kill still count: they were committed too.
            committed = child.matching(l -> l.startsWith(COMMITTED));
            return new KilledRun(file, committed.stream().map(l -> Long.parseLong(l.substring(COMMITTED.length())))
                    .toList(), child.exitValue());
        }
    }

    /** Trains until killed, analysing every iteration into the FileStatsStorage at {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        FileStatsStorage storage = new FileStatsStorage(new File(args[0]));
        ChaosListener listener = new ChaosListener.Builder().frequency(1).exponents(2).steps(40).warmupSteps(10)
                .trajectories(2).sessionId(SESSION).workerId(WORKER).storageRouter(new PrintingRouter(storage, COMMITTED))
                .build();
        MultiLayerNetwork net = TrainingFixtures.network(1.5, 1e-3, 51);
        net.setListeners(listener);
        DataSet data = TrainingFixtures.batch(51);
        while (true) {
            net.fit(data);
        }
    }

    static Path fileIn(Path dir) {
        return dir.resolve("killed.dl4j");
    }
}
