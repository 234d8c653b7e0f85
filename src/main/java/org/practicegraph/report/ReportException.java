package org.practicegraph.report;

/** A report file that cannot be read as a report; the message names the file and the problem. */
public class ReportException extends RuntimeException {
    private final String file;
    private final String problem;

    /**
     * @param file    the file name, as the user gave it
     * @param problem what is wrong, in a few words, without the file name
     */
    public ReportException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** @return the file the problem is in */
    public String file() { return file; }

    /** @return the problem, without the file name */
    public String problem() { return problem; }
}
