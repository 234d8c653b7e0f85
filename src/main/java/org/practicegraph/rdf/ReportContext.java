package org.practicegraph.rdf;

import java.time.LocalDate;

/**
 * What is known about a report besides its text: from a manifest row or the authority register.
 *
 * @param authorityName the council's name, or null when it could not be identified
 * @param gss           the council's ONS GSS code, or null
 * @param published     publication date, or null
 * @param url           where the report was published, or null
 * @param group         the id of the published report this file is one part of (summary and statement
 *                      pages of one assessment), or null when the file stands alone
 */
public record ReportContext(String authorityName, String gss, LocalDate published, String url, String group) {
    /** Nothing known. */
    public static final ReportContext NONE = new ReportContext(null, null, null, null, null);

    /** A file that is not part of a group. */
    public ReportContext(String authorityName, String gss, LocalDate published, String url) {
        this(authorityName, gss, published, url, null);
    }

    /** @return whether the council is known */
    public boolean identified() { return authorityName != null && !authorityName.isBlank(); }
}
