package org.practicegraph.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Error answers: short plain text, never a stack trace, a Java class name or the server's version.
 * Client errors (4xx) keep their message (a SPARQL parse error says where the query went wrong),
 * minus any line that looks like Java internals; server errors (5xx) say only what kind of failure
 * it was, since their detail belongs in the server log.
 */
final class ErrorPages {
    private ErrorPages() {}

    /** A qualified Java name ({@code org.apache.jena.x.Y}, {@code java.lang.Foo}) or a stack frame. */
    private static final Pattern JAVA = Pattern.compile("(?:\\b[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*|^\\s*at\\s|Exception\\b|\\bCaused by\\b|\\.java:\\d+");
    private static final int MAX_MESSAGE = 500;
    /**
     * How the one server error whose message is shown begins: the refusal of {@link AdmissionFilter},
     * which we write ourselves, holds no Java detail and tells the client what to do.
     */
    static final String BUSY = "server busy: ";

    /**
     * @param status  the HTTP status
     * @param message the message the server meant to send, may be null
     * @return the body to send: one or a few lines, ending in a newline
     */
    static String body(int status, String message) {
        String reason = HttpStatus.getMessage(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503 && message != null && message.startsWith(BUSY))
            return status + " " + reason + ": " + message + "\n";
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503)
            return status + " " + reason + ": the query ran past this server's time limit, or the server is busy. Simplify the query or retry later.\n";
        if (status >= 500) return status + " " + reason + ": the server could not answer this request; the problem is in its log.\n";
        String clean = clean(message);
        return clean.isEmpty() || clean.equalsIgnoreCase(reason) ? status + " " + reason + "\n" : status + " " + reason + ": " + clean + "\n";
    }

    /** @return the message without lines showing Java internals, cut to a few hundred characters */
    static String clean(String message) {
        if (message == null) return "";
        StringBuilder b = new StringBuilder();
        for (String line : message.split("\\R")) {
            if (line.isBlank() || JAVA.matcher(line).find()) continue;
            if (b.length() > 0) b.append('\n');
            b.append(line.strip());
        }
        return b.length() > MAX_MESSAGE ? b.substring(0, MAX_MESSAGE) + "…" : b.toString();
    }

    /** Answers the errors Jetty raises itself (bad request lines, headers too large, no servlet reached) the same way. */
    static final class PlainErrorHandler extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) throws IOException {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            Headers.securityHeaders().forEach((k, v) -> response.getHeaders().put(k, v));
            response.write(true, ByteBuffer.wrap(body(code, message).getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}
