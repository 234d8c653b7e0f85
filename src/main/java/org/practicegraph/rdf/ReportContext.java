package org.practicegraph.rdf;

import java.time.LocalDate;

/**
 * What is known about a report besides its text: from a manifest row or the authority register.
 *
 * @param authorityName the council's name, or null when it could not be identified
 * @param gss           the council's ONS GSS code, or null
 * @param published     publication date, or null
 * @param url           where the report was published, or null
 */
public record ReportContext(String authorityName, String gss, LocalDate published, String url) {
    /** Nothing known. */
    public static final ReportContext NONE = new ReportContext(null, null, null, null);

    /** @return whether the council is known */
    public boolean identified() { return authorityName != null && !authorityName.isBlank(); }
}
