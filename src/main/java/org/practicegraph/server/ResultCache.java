package org.practicegraph.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.eclipse.jetty.http.QuotedQualityCSV;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Keeps the bytes of recent SPARQL answers and sends them again, without running the query, to a
 * request for the same query while the data are unchanged. The canned queries and the explorer's
 * workbench ask the same questions over and over, and on a database of thousands of reports many
 * take 0.1–2 s to evaluate; the data change only when the server itself writes them (an admin load,
 * the derived graphs), so an answer stays right until the next write.
 *
 * <p>An answer is kept under the request's path, its parameters (the query, {@code default-graph-uri},
 * …; a GET's or a form POST's), its {@code Accept} header and the store's data version
 * ({@link org.practicegraph.store.Store#dataVersion}): any committed write makes every older answer
 * unreachable, and they age out. Only whole answers are kept: status 200, written to the end
 * ({@link CappedQuery} marks the request when the result is sent in full, so an answer cut off by a
 * timeout or a failure is never kept), no larger than a quarter of the cache once gzipped, and asked
 * while no write committed. Not kept: queries whose answer may differ between runs on the same data ({@code NOW()},
 * {@code RAND()}, {@code UUID()}, {@code STRUUID()}, {@code BNODE()}) or that read other endpoints
 * ({@code SERVICE}). A request with {@code Cache-Control: no-cache} is evaluated afresh (and its
 * answer kept). Responses say {@code X-Cache: HIT} or {@code MISS}.
 *
 * <p>Answers are kept gzipped (fastest level): SPARQL results repeat their variable names and values
 * row after row and shrink 5–20×, so the listings of a national-scale database (tens of MB of JSON)
 * fit where they would not as they are. A client that accepts gzip is sent the kept bytes as they are
 * ({@code Content-Encoding: gzip}); any other gets them unzipped on the way out.
 *
 * <p>The cache is bounded by the gzipped bytes (Caffeine, least recently and frequently used first
 * out); 0 turns it off.
 */
final class ResultCache implements Filter {
    /** Request attribute {@link CappedQuery} sets once the whole answer has been written. */
    static final String COMPLETE = ResultCache.class.getName() + ".complete";
    /** Response header saying whether the answer came from the cache. */
    static final String HEADER = "X-Cache";

    /** Functions and clauses whose answer may change without the data changing. */
    private static final Pattern VOLATILE = Pattern.compile(
            "\\b(NOW|RAND|UUID|STRUUID|BNODE)\\s*\\(|\\bSERVICE\\b", Pattern.CASE_INSENSITIVE);

    private final long maxBytes;
    private final LongSupplier dataVersion;
    private final Cache<String, Answer> answers;

    /** A kept answer: what the client is sent again, gzipped. */
    private record Answer(String contentType, byte[] gzipped) {}

    /**
     * @param maxBytes    most bytes of answers kept (0: keep none)
     * @param dataVersion the store's data version, which every committed write changes
     */
    ResultCache(long maxBytes, LongSupplier dataVersion) {
        if (maxBytes < 0) throw new IllegalArgumentException("maxBytes must not be negative");
        this.maxBytes = maxBytes;
        this.dataVersion = dataVersion;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Answer a) -> key.length() * 2 + a.gzipped().length)
                .executor(Runnable::run)
                .build();
    }

    /** @return the most bytes an answer may have, gzipped, to be kept: a quarter of the cache */
    long maxEntryBytes() { return maxBytes / 4; }

    /** @return how many answers are kept now */
    long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    /** @return the cache's size, for the log */
    String describe() {
        return maxBytes == 0 ? "off" : "answers of up to " + mib(maxEntryBytes()) + " gzipped kept, " + mib(maxBytes) + " in all, until the data change";
    }

    private static String mib(long bytes) { return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0); }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (maxBytes == 0 || !(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse res)
                || !cacheable(req)) {
            chain.doFilter(request, response);
            return;
        }
        long version = dataVersion.getAsLong();
        String key = key(req, version);
        if (!noCache(req)) {
            Answer hit = answers.getIfPresent(key);
            if (hit != null) {
                send(hit, acceptsGzip(req), res);
                return;
            }
        }
        res.setHeader(HEADER, "MISS");
        Capture capture = new Capture(res, maxEntryBytes());
        byte[] gzipped;
        try {
            chain.doFilter(req, capture);
        } finally {
            gzipped = capture.captured();
        }
        if (gzipped != null && capture.getStatus() == HttpServletResponse.SC_OK && Boolean.TRUE.equals(req.getAttribute(COMPLETE))
                && capture.getContentType() != null && dataVersion.getAsLong() == version)
            answers.put(key, new Answer(capture.getContentType(), gzipped));
    }

    private static void send(Answer hit, boolean gzip, HttpServletResponse res) throws IOException {
        res.setStatus(HttpServletResponse.SC_OK);
        res.setContentType(hit.contentType());
        res.setHeader("Vary", "Accept, Accept-Encoding");
        res.setHeader(HEADER, "HIT");
        if (gzip) {
            res.setHeader("Content-Encoding", "gzip");
            res.setContentLength(hit.gzipped().length);
            res.getOutputStream().write(hit.gzipped());
        } else {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(hit.gzipped()), 1 << 16)) {
                in.transferTo(res.getOutputStream());
            }
        }
    }

    /** @return whether the request's {@code Accept-Encoding} lists gzip (or {@code *}) with a quality above 0 */
    static boolean acceptsGzip(HttpServletRequest req) {
        String ae = req.getHeader("Accept-Encoding");
        if (ae == null) return false;
        QuotedQualityCSV codings = new QuotedQualityCSV();   // Jetty's parser: drops q=0, handles quoting
        codings.addValue(ae);
        return codings.getValues().stream().anyMatch(c -> c.equalsIgnoreCase("gzip") || c.equalsIgnoreCase("x-gzip") || c.equals("*"));
    }

    /** @return whether the request is a query the cache may answer: GET, or a form POST, with a query that gives the same answer on the same data */
    private static boolean cacheable(HttpServletRequest req) {
        boolean get = "GET".equals(req.getMethod());
        boolean form = "POST".equals(req.getMethod()) && req.getContentType() != null
                && req.getContentType().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (!get && !form) return false;
        String query = req.getParameter("query");
        return query != null && !VOLATILE.matcher(query).find();
    }

    private static boolean noCache(HttpServletRequest req) {
        String cc = req.getHeader("Cache-Control");
        String pragma = req.getHeader("Pragma");
        return cc != null && cc.toLowerCase(Locale.ROOT).matches(".*\\b(no-cache|no-store|max-age=0)\\b.*")
                || pragma != null && pragma.toLowerCase(Locale.ROOT).contains("no-cache");
    }

    /** @return the path, the parameters in a fixed order, the Accept header and the data version */
    private static String key(HttpServletRequest req, long version) {
        StringBuilder k = new StringBuilder().append(version).append(' ').append(req.getRequestURI()).append('\n');
        Map<String, String[]> params = new TreeMap<>(req.getParameterMap());
        params.forEach((name, values) -> {
            String[] sorted = values.clone();
            Arrays.sort(sorted);
            for (String v : sorted) k.append(name).append('=').append(v).append('\n');
        });
        String accept = req.getHeader("Accept");
        return k.append("Accept: ").append(accept == null ? "" : accept).toString();
    }

    /** A response that also keeps a gzipped copy of the bytes it sends, up to a limit (past which it keeps no more). */
    private static final class Capture extends HttpServletResponseWrapper {
        private final long limit;
        private ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        private OutputStream copy = fastGzip(gzipped);
        private ServletOutputStream out;

        Capture(HttpServletResponse response, long limit) {
            super(response);
            this.limit = limit;
        }

        /** @return the bytes sent, gzipped, or null when they passed the limit */
        byte[] captured() {
            if (copy == null) return null;
            ByteArrayOutputStream bytes = gzipped;
            stopCopying();   // writes the gzip trailer
            return bytes.size() > limit ? null : bytes.toByteArray();
        }

        private void copy(byte[] b, int off, int len) {
            if (copy == null) return;
            try {
                copy.write(b, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (gzipped.size() > limit) stopCopying();
        }

        /** Drops the copy; closing the gzip stream frees its native deflater now rather than at a later GC. */
        private void stopCopying() {
            if (copy == null) return;
            try {
                copy.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            copy = null;
            gzipped = null;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream target = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override public void write(int b) throws IOException {
                        target.write(b);
                        copy(new byte[] {(byte) b}, 0, 1);
                    }
                    @Override public void write(byte[] b, int off, int len) throws IOException {
                        target.write(b, off, len);
                        copy(b, off, len);
                    }
                    @Override public void flush() throws IOException { target.flush(); }
                    @Override public void close() throws IOException { target.close(); }
                    @Override public boolean isReady() { return target.isReady(); }
                    @Override public void setWriteListener(WriteListener l) { target.setWriteListener(l); }
                };
            }
            return out;
        }

        /** Answers written as characters (errors, not SPARQL results) go out as they are and are not kept. */
        @Override
        public PrintWriter getWriter() throws IOException {
            stopCopying();
            return super.getWriter();
        }
    }

    /** @return a gzip stream at the fastest level: the copy is made while the answer is sent */
    private static OutputStream fastGzip(OutputStream to) {
        try {
            return new GZIPOutputStream(to, 1 << 16) {
                { def.setLevel(Deflater.BEST_SPEED); }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
