package io.github.chaoswatch.samples.cli;

import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.api.UIServer;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;

/**
 * The DL4J training UI for the demo: one in-memory storage attached to the UI server, into which both DL4J's
 * {@code StatsListener} and chaoswatch's {@code ChaosListener} post. The chaoswatch page is at {@code /chaoswatch}
 * (module chaoswatch-ui, found by the UI through META-INF/services), DL4J's own at {@code /train/overview}.
 */
final class DemoUi {

    /** DL4J reads the port from this system property, which overrides code (DESIGN.md, DL4J traps). */
    static final String PORT_PROPERTY = "org.deeplearning4j.ui.port";

    private final UIServer server;
    private final StatsStorage storage;

    private DemoUi(UIServer server, StatsStorage storage) {
        this.server = server;
        this.storage = storage;
    }

    /** Starts (or joins) the UI server on {@code port} (0: a free port) and attaches a new in-memory storage. */
    static DemoUi start(int port) {
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        UIServer server = UIServer.getInstance();
        StatsStorage storage = new InMemoryStatsStorage();
        server.attach(storage);
        return new DemoUi(server, storage);
    }

    /** Returns the storage both listeners post to. */
    StatsStorage storage() {
        return storage;
    }

    /** Returns the port the server really listens on. */
    int port() {
        return server.getPort();
    }

    /** Returns the URL of the chaoswatch page. */
    String chaosUrl() {
        return "http://localhost:" + port() + "/chaoswatch";
    }

    /** Returns the URL of DL4J's training overview. */
    String trainUrl() {
        return "http://localhost:" + port() + "/train/overview";
    }
}
