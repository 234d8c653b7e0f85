package org.practicegraph.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Response headers and plain answers shared by the linked-data servlets. */
final class Headers {
    private Headers() {}

    /**
     * Pages quote report text and IRIs from the data: no scripts, no plugins, no framing, no
     * type sniffing, styles only inline from the page itself.
     */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    /** Sets the security headers every linked-data answer carries. */
    static void secure(HttpServletResponse res) {
        res.setHeader("Content-Security-Policy", CSP);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
    }

    /** @return scheme, host and port the request came to, e.g. {@code http://localhost:3030} */
    static String origin(jakarta.servlet.http.HttpServletRequest req) {
        return req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
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
