package org.practicegraph.cli;

/** A command's input cannot be used; the message names the input and the problem. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) { super(message); }
}
