package org.practicegraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Bytes written (UTF-8) go to a picocli writer on flush/close, so tests can capture command output. */
final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    WriterOutputStream(PrintWriter writer) { this.writer = writer; }

    @Override public void write(int b) { buffer.write(b); }

    @Override public void write(byte[] b, int off, int len) { buffer.write(b, off, len); }

    @Override public void flush() {
        writer.write(buffer.toString(StandardCharsets.UTF_8));
        writer.flush();
        buffer.reset();
    }

    @Override public void close() { flush(); }
}
