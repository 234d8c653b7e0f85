package org.practicegraph.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/** Response headers and plain answers shared by the servlets and filters. */
final class Headers {
    private Headers() {}

    /**
     * Pages quote report text and IRIs from the data: no scripts, no plugins, no framing, no
     * type sniffing, styles only inline from the page itself.
     */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private static final Map<String, String> SECURITY = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    /** @return the security headers every answer carries, name → value */
    static Map<String, String> securityHeaders() { return SECURITY; }

    /** Sets the security headers every answer carries. */
    static void secure(HttpServletResponse res) {
        SECURITY.forEach(res::setHeader);
    }

    /** @return scheme, host and port the request came to, e.g. {@code http://localhost:3030} */
    static String origin(jakarta.servlet.http.HttpServletRequest req) {
        return req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
    }

    /**
     * Before refusing a request without using its body: reads and drops the body when it is at most
     * {@code max} bytes, so the client (still sending) sees the answer and the connection can be
     * reused; a larger or unknown-length body is left unread and the connection is closed after the
     * answer.
     */
    static void drain(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res, long max) {
        long length = req.getContentLengthLong();
        if (length == 0) return;
        if (length < 0 || length > max) {
            res.setHeader("Connection", "close");
            return;
        }
        try (var in = req.getInputStream()) {
            in.skipNBytes(length);
        } catch (IOException | RuntimeException e) {
            res.setHeader("Connection", "close");
        }
    }

    /** Answers with a status and a short plain-text message. */
    static void text(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("text/plain; charset=utf-8");
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
