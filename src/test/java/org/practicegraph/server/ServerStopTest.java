package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.practicegraph.rdf.Iris;
import org.practicegraph.similar.TextEmbedder;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/**
 * A server stopped while its background thread loads the embedding model: the model is native
 * code that no interrupt reaches, and a JVM exiting while a thread is inside it can crash, so
 * {@code stop} waits for the load to return, and the links then stop before any embedding.
 */
class ServerStopTest {
    /** Loads like native code: takes its time and ignores interrupts (keeping the flag for the caller). */
    static final class DeafModel implements TextEmbedder {
        final CountDownLatch loading = new CountDownLatch(1);
        final AtomicBoolean loaded = new AtomicBoolean();
        final AtomicInteger embedCalls = new AtomicInteger();

        @Override public String name() { return "deaf-test-model"; }

        @Override public void load() {
            loading.countDown();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            boolean interrupted = false;
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            loaded.set(true);
            if (interrupted) Thread.currentThread().interrupt();
        }

        @Override public List<float[]> embed(List<String> texts) {
            embedCalls.incrementAndGet();
            return texts.stream().map(t -> new float[] {1, 0}).toList();
        }
    }

    @Test
    void stopWaitsForTheModelLoadThenTheLinksStopUnwritten() throws Exception {
        try (Store store = Store.inMemory()) {
            Loader.create().store(store).build().load(List.of(Path.of("corpus/sample")));
            DeafModel model = new DeafModel();
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
