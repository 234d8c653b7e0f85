package org.practicegraph.store;

/** A report's extracted graph does not conform to the SHACL shapes; nothing was written. */
public class InvalidGraphException extends RuntimeException {
    public InvalidGraphException(String message) { super(message); }
}
