package org.practicegraph.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/**
 * Universal Dependencies part-of-speech tags (NOUN, PROPN, VERB, ADJ…) for a sentence's tokens, from
 * Apache OpenNLP's English UD-EWT model ({@code opennlp-models-pos-en}, read from the classpath once).
 * The candidate rules use them to tell a noun phrase from a verb phrase ("encouraged continuous
 * professional development": the phrase starts after the verb). When the model is absent every tag
 * is "X", and the rules that read tags do nothing.
 */
final class PosTags {
    static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final POSModel POS = load();
    /** A tagger is not thread-safe, and building one parses its feature-generator XML: one per thread. */
    private static final ThreadLocal<POSTaggerME> TAGGER = ThreadLocal.withInitial(() -> new POSTaggerME(POS));

    private PosTags() {}

    /**
     * The model as shipped, but decoded greedily (a beam of 1, not its default 3): on the sample,
     * held-out and 60 synthetic reports (4,623 sentences, 108,114 tokens) not one tag differs, and
     * tagging costs ~60 % as much; tagging is the largest part of extraction's CPU (issue 8).
     */
    private static POSModel load() {
        try (InputStream in = PosTags.class.getResourceAsStream(MODEL)) {
            if (in == null) return null;
            POSModel shipped = new POSModel(in);
            opennlp.tools.ml.model.MaxentModel maxent = shipped.getArtifact("pos.model");
            return new POSModel(shipped.getLanguage(), maxent, 1, new java.util.HashMap<>(), shipped.getFactory());
        } catch (IOException e) {
            throw new UncheckedIOException(MODEL + ": cannot read the OpenNLP POS model", e);
        }
    }

    /** @return one UD tag per token ("X" for all when the model is absent) */
    static String[] tag(List<Token> tokens) {
        String[] words = tokens.stream().map(Token::raw).toArray(String[]::new);
        if (POS == null || words.length == 0) {
            String[] x = new String[words.length];
            Arrays.fill(x, "X");
            return x;
        }
        return TAGGER.get().tag(words);   // the model is shared and thread-safe
    }
}
