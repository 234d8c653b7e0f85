package org.practicegraph.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.practicegraph.similar.TextEmbedder;

/**
 * A text embedder whose model loads like native code: it takes its time and ignores interrupts
 * (keeping the flag for the caller, or not). For tests of stopping a server mid-load.
 */
public class DeafModel implements TextEmbedder {
    public final CountDownLatch loading = new CountDownLatch(1);
    public final AtomicBoolean loaded = new AtomicBoolean();
    public final AtomicInteger embedCalls = new AtomicInteger();
    private final Duration loadTime;
    private final boolean keepsInterrupt;

    /** A model that keeps the interrupt flag it ignored, for the caller to see. */
    public DeafModel(Duration loadTime) { this(loadTime, true); }

    /** @param keepsInterrupt false: the load clears the flag, as native model code has been seen to */
    public DeafModel(Duration loadTime, boolean keepsInterrupt) {
        this.loadTime = loadTime;
        this.keepsInterrupt = keepsInterrupt;
    }

    @Override public String name() { return "deaf-test-model"; }

    @Override public void load() {
        onLoading();
        loading.countDown();
        long end = System.nanoTime() + loadTime.toNanos();
        boolean interrupted = false;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        loaded.set(true);
        onLoaded();
        if (interrupted && keepsInterrupt) Thread.currentThread().interrupt();
    }

    /** Called as the load starts. */
    protected void onLoading() {}

    /** Called as the load ends. */
    protected void onLoaded() {}

    @Override public List<float[]> embed(List<String> texts) {
        embedCalls.incrementAndGet();
        return texts.stream().map(t -> new float[] {1, 0}).toList();
    }
}
