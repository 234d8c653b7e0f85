package org.practicegraph.evaluate;

/** A gold file or folder cannot be used. The message is one line: {@code FILE: problem}. */
public final class GoldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message {@code FILE: problem} */
    public GoldException(String message) { super(message); }
}
