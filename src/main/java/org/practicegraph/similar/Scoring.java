package org.practicegraph.similar;

/**
 * The similarity score of two initiatives, as small pure functions:
 * {@code score = typeWeight × typeSimilarity + (1 − typeWeight) × max(0, cosine)}, in [0, 1].
 */
public final class Scoring {
    private Scoring() {}

    /**
     * @param steps the number of {@code skos:broader}/{@code skos:narrower} steps between two
     *              initiative types through their nearest common concept; negative when they have none
     * @return 1 for the same type, 1/2 for a type and its broader one, 1/3 for two types under one
     *         broader type, …, 0 when the types share no concept or either is unknown
     */
    public static double typeSimilarity(int steps) {
        return steps < 0 ? 0 : 1.0 / (1 + steps);
    }

    /**
     * @param a a vector
     * @param b a vector of the same length
     * @return the cosine of the angle between them, in [-1, 1]; 0 when either is all zeros
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("vectors of length " + a.length + " and " + b.length);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 || nb == 0) return 0;
        return Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
    }

    /**
     * @param typeSimilarity the closeness of the two initiatives' types, in [0, 1] ({@link #typeSimilarity})
     * @param textSimilarity the cosine of their text embeddings, in [-1, 1]; negative counts as 0
     * @param typeWeight     the share of the score that the type decides, in [0, 1]
     * @return the combined score, in [0, 1]
     * @throws IllegalArgumentException when {@code typeWeight} or {@code typeSimilarity} is outside [0, 1]
     */
    public static double score(double typeSimilarity, double textSimilarity, double typeWeight) {
        if (!(typeWeight >= 0 && typeWeight <= 1)) throw new IllegalArgumentException("typeWeight " + typeWeight + " is not in [0, 1]");
        if (!(typeSimilarity >= 0 && typeSimilarity <= 1)) throw new IllegalArgumentException("typeSimilarity " + typeSimilarity + " is not in [0, 1]");
        double text = Math.max(0, Math.min(1, textSimilarity));
        return typeWeight * typeSimilarity + (1 - typeWeight) * text;
    }

    /**
     * @param vectors vectors of one length, at least one
     * @return their mean scaled to unit length (all zeros stay zeros)
     */
    public static float[] meanDirection(java.util.List<float[]> vectors) {
        float[] mean = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            double norm = 0;
            for (float x : v) norm += (double) x * x;
            double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
            for (int i = 0; i < v.length; i++) mean[i] += (float) (v[i] * scale);
        }
        double norm = 0;
        for (float x : mean) norm += (double) x * x;
        if (norm > 0) for (int i = 0; i < mean.length; i++) mean[i] = (float) (mean[i] / Math.sqrt(norm));
        return mean;
    }
}
