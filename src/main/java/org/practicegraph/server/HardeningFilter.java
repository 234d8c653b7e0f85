package org.practicegraph.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * What every request to the server goes through, before Fuseki or our servlets see it:
 * <ul>
 * <li>the security headers ({@link Headers#secure}) on every answer, error answers included;</li>
 * <li>a request body over the limit answers 413 without being read; a body without a
 *     {@code Content-Length} (chunked) answers 411, since its size is not known up front;</li>
 * <li>errors answer short plain text ({@link ErrorPages}): {@code sendError} is answered here, not
 *     by Jetty's HTML page, and an exception that escapes a servlet is logged and answered 500
 *     without its detail.</li>
 * </ul>
 */
final class HardeningFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(HardeningFilter.class);
    private final long maxBody;
    private final Predicate<String> ownLimit;

    /**
     * @param maxBody  the largest request body accepted, in bytes
     * @param ownLimit paths that check the body size themselves (the authenticated admin upload)
     */
    HardeningFilter(long maxBody, Predicate<String> ownLimit) {
        this.maxBody = maxBody;
        this.ownLimit = ownLimit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse res)) {
            chain.doFilter(request, response);
            return;
        }
        Headers.secure(res);
        Plain plain = new Plain(res);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!ownLimit.test(path)) {
            if (req.getHeader("Transfer-Encoding") != null) {
                res.setHeader("Connection", "close");
                plain.sendError(HttpServletResponse.SC_LENGTH_REQUIRED, "a request body needs a Content-Length header (chunked bodies are not accepted)");
                return;
            }
            long length = req.getContentLengthLong();
            if (length > maxBody) {
                Headers.drain(req, res, 4 * maxBody);
                plain.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the request body is " + length
                        + " bytes; this server accepts at most " + maxBody + " (serve --max-body)");
                return;
            }
        }
        try {
            chain.doFilter(req, plain);
            plain.finishServerError();
        } catch (IOException | ServletException | RuntimeException e) {
            LOG.error("{} {}: {}", req.getMethod(), req.getRequestURI(), e.toString(), e);
            if (!res.isCommitted()) {
                res.reset();
                plain.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, null);
            }
        }
    }

    /**
     * Answers {@code sendError} with a plain-text body and keeps the security headers through a
     * {@code reset}. A server error (5xx) that a servlet writes itself (Fuseki writes the
     * exception's message) is swallowed and replaced by the generic message of {@link ErrorPages}.
     */
    private static final class Plain extends HttpServletResponseWrapper {
        private boolean swallow;
        private int status = HttpServletResponse.SC_OK;

        Plain(HttpServletResponse res) { super(res); }

        @Override public void setStatus(int sc) {
            super.setStatus(sc);
            status = sc;
            if (sc >= 500 && !isCommitted()) swallow = true;
        }

        @Override public ServletOutputStream getOutputStream() throws IOException {
            return swallow ? Discard.STREAM : super.getOutputStream();
        }

        @Override public PrintWriter getWriter() throws IOException {
            return swallow ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
        }

        /** Writes the generic body for a server error whose own body was swallowed. */
        void finishServerError() throws IOException {
            if (!swallow || super.isCommitted()) return;
            swallow = false;
            sendError(status, null);
        }

        @Override public void sendError(int sc) throws IOException { sendError(sc, null); }

        @Override public void sendError(int sc, String msg) throws IOException {
            if (isCommitted()) throw new IllegalStateException("response already committed");
            swallow = false;
            HttpServletResponse real = (HttpServletResponse) getResponse();
            real.resetBuffer();
            real.setHeader("Cache-Control", "no-store");
            Headers.secure(real);
            Headers.text(real, sc, ErrorPages.body(sc, msg));
            real.flushBuffer();
        }

        @Override public void reset() {
            super.reset();
            Headers.secure(this);
        }
    }

    /** An output stream that drops what it is given. */
    private static final class Discard extends ServletOutputStream {
        static final Discard STREAM = new Discard();
        @Override public void write(int b) {}
        @Override public void write(byte[] b, int off, int len) {}
        @Override public boolean isReady() { return true; }
        @Override public void setWriteListener(WriteListener listener) {}
    }
}
