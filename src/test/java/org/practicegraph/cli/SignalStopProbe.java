package org.practicegraph.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.practicegraph.server.DeafModel;
import org.practicegraph.server.PracticeServer;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/**
 * A server process for {@link SignalStopTest}, started the way {@code serve} starts one, with a
 * model that loads slowly and deafly (like ONNX Runtime's native load) and a shutdown hook that
 * stands for ONNX Runtime's own, which frees the environment the load is using. Prints what
 * happens, one line each, for the test to read.
 */
final class SignalStopProbe {
    private SignalStopProbe() {}

    public static void main(String[] args) throws Exception {
        Store store = Store.inMemory();
        Loader.create().store(store).build().load(List.of(Path.of(args[0])));
        AtomicBoolean freed = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            freed.set(true);
            System.out.println("environment freed");
        }));
        DeafModel slowModel = new DeafModel(Duration.ofSeconds(2)) {
            @Override protected void onLoading() { System.out.println("model loading"); }

            @Override protected void onLoaded() { System.out.println("model loaded, environment " + (freed.get() ? "freed" : "intact")); }
        };
        PracticeServer server = PracticeServer.create().store(store).port(0).loopback(true).embedder(slowModel).build();
        SignalStop signals = SignalStop.install(server::stop);
        server.start();
        server.join();
        System.exit(signals.status().orElse(0));   // as serve does
    }
}
