/**
 * Turns a {@link org.practicegraph.report.Report} into facts, each with the sentences that support it
 * and the id of the rule that produced it, passed to a {@link org.practicegraph.extract.FactHandler}:
 * partners, then initiatives (typed, with a status and their partners), then metrics, outcomes
 * (tied to initiatives) and concerns (findings that record a weakness). {@link org.practicegraph.extract.Extractor} is the facade.
 *
 * <p>In: a parsed report. Out: {@link org.practicegraph.extract.Fact}s. Vocabulary comes from the SKOS
 * taxonomies ({@code /ontology/*.ttl}, read by {@link org.practicegraph.extract.Lexicon}); cue phrases, head nouns, gazetteers and stop lists come
 * from the documented rule files under {@code /extract/}. Code holds only mechanisms: normalising
 * (once, in {@link org.practicegraph.extract.Token}), matching, noun-phrase growth, merging, provenance.
 * This package knows nothing of RDF or storage.
 */
package org.practicegraph.extract;
