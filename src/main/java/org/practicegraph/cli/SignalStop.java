package org.practicegraph.cli;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import sun.misc.Signal;

/**
 * Runs a stop before the JVM's shutdown hooks when the process is asked to end (SIGTERM, or Ctrl-C's
 * SIGINT), then exits as the JVM would have: 128 + the signal's number.
 *
 * <p>Why not only a shutdown hook: the JVM starts all hooks at once, in no order, and ONNX Runtime
 * registers one of its own that frees its native environment. A {@code serve} ended while its
 * background thread was loading the embedding model crashed (SIGSEGV, exit 134) when that hook
 * freed the environment under the load. Stopping the server first, which waits for that thread,
 * means the hooks run only once no thread is inside the model. The main thread, woken by the same
 * stop, must exit with {@link #status()} too, so that whichever exits first gives the same status.
 */
final class SignalStop {
    private final AtomicInteger status = new AtomicInteger(-1);

    private SignalStop() {}

    /**
     * @param stop what to do before exiting; it runs on the signal's own thread and may block
     *             (a second Ctrl-C meanwhile runs it again, so it must tolerate that)
     * @return what signal, if any, has arrived
     */
    static SignalStop install(Runnable stop) {
        SignalStop installed = new SignalStop();
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    installed.status.compareAndSet(-1, 128 + signal.getNumber());
                    try {
                        stop.run();
                    } finally {
                        System.exit(installed.status.get());
                    }
                });
            } catch (IllegalArgumentException e) {
                // a platform without this signal, or a JVM that keeps it (-Xrs): the shutdown hooks alone
            }
        }
        return installed;
    }

    /** @return the exit status the first signal asks for (128 + its number), empty when none has arrived */
    OptionalInt status() {
        int s = status.get();
        return s < 0 ? OptionalInt.empty() : OptionalInt.of(s);
    }
}
