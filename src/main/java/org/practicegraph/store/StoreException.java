package org.practicegraph.store;

/** The database cannot be opened or written; the message names the directory and the problem. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
