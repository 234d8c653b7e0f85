package org.practicegraph.evaluate;

/**
 * How many of the checked attributes the graph got right.
 *
 * @param correct attributes that agree with the gold
 * @param total   attributes checked
 */
public record Accuracy(int correct, int total) {
    /** Nothing checked. */
    public static final Accuracy ZERO = new Accuracy(0, 0);

    /** @return this with one more attribute checked, right or not */
    public Accuracy plus(boolean right) { return new Accuracy(correct + (right ? 1 : 0), total + 1); }

    /** @return score.py's wording: {@code 4/5} */
    @Override public String toString() { return correct + "/" + total; }
}
