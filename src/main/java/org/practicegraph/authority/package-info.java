/**
 * The register of English councils with adult social care duties ({@code authority/authorities.csv})
 * and the resolution of the names reports use for them ("London Borough of Hillingdon",
 * "Hillingdon Council", "Hillingdon") to one {@link org.practicegraph.authority.Authority}.
 *
 * <p>In: names or report text. Out: an {@code Authority} (GSS code, label) or nothing. Knows nothing
 * of RDF or storage.
 */
package org.practicegraph.authority;
