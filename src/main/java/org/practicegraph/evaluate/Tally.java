package org.practicegraph.evaluate;

/**
 * Counts for one kind of item: gold items found (tp), extracted items matching no gold item (fp),
 * required gold items not found (fn). Optional gold items count neither way.
 *
 * @param tp true positives
 * @param fp false positives
 * @param fn false negatives
 */
public record Tally(int tp, int fp, int fn) {
    /** No counts. */
    public static final Tally ZERO = new Tally(0, 0, 0);

    /** @return tp / (tp + fp), or 1.0 when nothing was extracted */
    public double precision() { return tp + fp > 0 ? (double) tp / (tp + fp) : 1.0; }

    /** @return tp / (tp + fn), or 1.0 when nothing was required */
    public double recall() { return tp + fn > 0 ? (double) tp / (tp + fn) : 1.0; }

    /** @return the harmonic mean of precision and recall, or 0.0 when both are 0 */
    public double f1() {
        double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }

    /** @return the sum of both tallies */
    public Tally plus(Tally o) { return new Tally(tp + o.tp, fp + o.fp, fn + o.fn); }

    /** @return score.py's wording: {@code P=0.83 R=0.79 F1=0.81 (tp=19 fp=4 fn=5)} */
    @Override public String toString() {
        return "P=" + Py.fixed2(precision()) + " R=" + Py.fixed2(recall()) + " F1=" + Py.fixed2(f1())
                + " (tp=" + tp + " fp=" + fp + " fn=" + fn + ")";
    }
}
