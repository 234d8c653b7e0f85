package org.practicegraph.server;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Admission control: at most {@code maxRunning} requests that read the data run at once; the others
 * wait, first come first served, before anything of theirs runs. A request that would be waiting
 * behind {@code maxQueued} others is refused at once, and one that has waited {@code queueTimeout}
 * is refused then: 503 with {@code Retry-After} and "server busy: N queries running, M waiting".
 *
 * <p>Why: on a small machine, 32 queries run at once each get a sliver of a core, so queries that
 * take a second alone pass the query timeout and every client waits longer. Run a few at a time and
 * each finishes at its own speed. Waiting does not count against the query timeout: Fuseki builds
 * the query execution inside its servlet, after this filter lets the request through, and ARQ starts
 * the timeout clock when execution starts ({@code QueryExecDataset.startQueryIterator}).
 *
 * <p>A waiting request holds a server thread, parked; {@link PracticeServer} sizes Jetty's thread
 * pool for the running and waiting requests plus the others.
 */
final class AdmissionFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(AdmissionFilter.class);
    /** What a refused client is told to wait before trying again, in seconds ({@value}). */
    static final int RETRY_AFTER_SECONDS = 5;
    /** A refused request's body up to this size is read and dropped, so the connection can be reused. */
    private static final long DRAIN_LIMIT = 64 * 1024;

    private final int maxRunning;
    private final int maxQueued;
    private final Duration queueTimeout;
    private final Predicate<String> exempt;
    /** Fair: permits go to waiting requests in arrival order. */
    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param maxRunning   most requests running at once, at least 1
     * @param maxQueued    most requests waiting, 0 or more (0: refuse when all permits are taken)
     * @param queueTimeout longest a request waits
     * @param exempt       paths (decoded, from the context root) that never wait: they do not read
     *                     the data, or are bound by the network rather than the processor
     */
    AdmissionFilter(int maxRunning, int maxQueued, Duration queueTimeout, Predicate<String> exempt) {
        if (maxRunning < 1) throw new IllegalArgumentException("maxRunning must be positive");
        if (maxQueued < 0) throw new IllegalArgumentException("maxQueued must not be negative");
        this.maxRunning = maxRunning;
        this.maxQueued = maxQueued;
        this.queueTimeout = queueTimeout;
        this.exempt = exempt;
        this.permits = new Semaphore(maxRunning, true);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse res)
                || "OPTIONS".equals(req.getMethod()) || exempt.test(path(req))) {
            chain.doFilter(request, response);
            return;
        }
        if (!admit()) {
            refuse(req, res);
            return;
        }
        try {
            chain.doFilter(req, res);
        } finally {
            permits.release();
        }
    }

    /** @return true with a permit taken; false when the queue is full or the wait timed out */
    private boolean admit() {
        try {
            // tryAcquire with a timeout, even of zero, keeps the fair order; plain tryAcquire() would jump the queue.
            if (permits.tryAcquire(0, TimeUnit.NANOSECONDS)) return true;
            if (waiting.incrementAndGet() > maxQueued) {
                waiting.decrementAndGet();
                return false;
            }
            try {
                return permits.tryAcquire(queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            // The server is stopping.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void refuse(HttpServletRequest req, HttpServletResponse res) throws IOException {
        int running = running();
        String message = ErrorPages.BUSY + running + (running == 1 ? " query" : " queries") + " running, "
                + waiting() + " waiting; retry later";
        // Debug only: under overload a line per refusal would flood the log.
        LOG.debug("{} {}: 503 {}", req.getMethod(), req.getRequestURI(), message);
        if (req.getContentLengthLong() > 0) Headers.drain(req, res, DRAIN_LIMIT);
        res.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        res.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, message);
    }

    /** @return the path without the context, decoded and normalised, as the servlets are chosen by */
    private static String path(HttpServletRequest req) {
        String info = req.getPathInfo();
        return req.getServletPath() + (info != null ? info : "");
    }

    /** @return how many admitted requests are running now */
    int running() { return maxRunning - permits.availablePermits(); }

    /** @return how many requests are waiting now */
    int waiting() { return waiting.get(); }

    /** @return the limits in force, for the log */
    String describe() {
        long ms = queueTimeout.toMillis();
        return "at most " + maxRunning + " requests reading the data at once, up to " + maxQueued + " more waiting, each for at most "
                + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
    }
}
