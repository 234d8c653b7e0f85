package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.practicegraph.rdf.Iris;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/**
 * A server stopped while its background thread loads the embedding model: the model is native
 * code that no interrupt reaches, and a JVM exiting while a thread is inside it can crash, so
 * {@code stop} waits for the load to return, and the links then stop before any embedding.
 */
class ServerStopTest {
    @Test
    void stopWaitsForTheModelLoadThenTheLinksStopUnwritten() throws Exception {
        stopMidLoad(new DeafModel(Duration.ofMillis(1500)));
    }

    @Test
    void theLinksStopEvenWhenTheModelLoadClearsTheInterrupt() throws Exception {
        // seen with ONNX Runtime: a serve stopped 0.4 s into the model load embedded and wrote every link after the stop
        stopMidLoad(new DeafModel(Duration.ofMillis(1500), false));
    }

    private static void stopMidLoad(DeafModel model) throws Exception {
        try (Store store = Store.inMemory()) {
            Loader.create().store(store).build().load(List.of(Path.of("corpus/sample")));
            PracticeServer server = PracticeServer.create().store(store).port(0).loopback(true).embedder(model).build().start();
            assertThat(model.loading.await(60, TimeUnit.SECONDS)).as("the links started loading the model").isTrue();

            server.stop();

            assertThat(model.loaded).as("stop returned only after the model load did").isTrue();
            assertThat(model.embedCalls).as("nothing embedded after the stop").hasValue(0);
            assertThat(server.similarityWritten()).isDone();
            assertThat(store.containsGraph(Iris.DEFAULT.similarityGraph())).isFalse();
        }
    }
}
