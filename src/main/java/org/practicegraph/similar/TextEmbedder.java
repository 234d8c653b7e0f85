package org.practicegraph.similar;

import java.util.List;

/** Turns texts into vectors whose cosine says how alike the texts are in meaning. */
public interface TextEmbedder {
    /**
     * @param texts non-blank texts
     * @return one vector per text, in the same order, all of one length
     */
    List<float[]> embed(List<String> texts);

    /** @return a short name of the model, recorded with every score it helped compute; must not load the model */
    String name();

    /** Loads the model now if it loads lazily, so its cost is not counted as embedding. */
    default void load() {}
}
