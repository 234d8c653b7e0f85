package org.practicegraph.similar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised, 384 dimensions), run in-process with ONNX
 * Runtime. The model and tokenizer ship inside the langchain4j jar: nothing is downloaded.
 * <pre>
 *   List&lt;float[]&gt; v = MiniLmEmbedder.get().embed(List.of("Seven-minute briefings after each review."));
 * </pre>
 * Native libraries: ONNX Runtime unpacks its own into a fresh folder under {@code java.io.tmpdir};
 * the Hugging Face tokenizer (DJL) unpacks into {@code DJL_CACHE_DIR}, which defaults to
 * {@code ~/.djl.ai}. Unless the environment or a system property already sets it, this class points
 * {@code DJL_CACHE_DIR} at {@code {java.io.tmpdir}/practice-graph-djl} and sets
 * {@code ai.djl.offline=true}, so nothing is written to the home folder and nothing is fetched.
 */
public final class MiniLmEmbedder implements TextEmbedder {
    /** The model's name as recorded in {@code pg:similarityMethod}, {@value}. */
    public static final String NAME = "all-MiniLM-L6-v2-q";
    private static final MiniLmEmbedder INSTANCE = new MiniLmEmbedder();
    private volatile EmbeddingModel model;

    private MiniLmEmbedder() {}

    /** @return the one embedder of this process; the model loads (1–2 s) on first use, not here */
    public static MiniLmEmbedder get() { return INSTANCE; }

    /**
     * Loads the model now, unless it is loaded.
     *
     * @throws IllegalStateException when the native libraries cannot be loaded on this platform
     */
    @Override public void load() { model(); }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m != null) return m;
        synchronized (this) {
            if (model == null) {
                keepCachesOutOfHome();
                try {
                    EmbeddingModel loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    // langchain4j opens the ONNX session and the tokenizer on first use: do it here, so
                    // loading is paid (and fails) now, not inside the first timed batch.
                    loaded.embed("warm-up");
                    model = loaded;
                } catch (RuntimeException | LinkageError err) {
                    throw new IllegalStateException("cannot load the sentence-embedding model " + NAME + ": " + err, err);
                }
            }
            return model;
        }
    }

    /** Sets DJL's cache folder and offline mode, unless the environment or a system property already does. */
    static void keepCachesOutOfHome() {
        if (isUnset("DJL_CACHE_DIR"))
            System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "practice-graph-djl").toString());
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null)
            System.setProperty("ai.djl.offline", "true");
    }

    private static boolean isUnset(String name) {
        String env = System.getenv(name);
        String prop = System.getProperty(name);
        return (env == null || env.isEmpty()) && (prop == null || prop.isEmpty());
    }

    @Override public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) return List.of();
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) segments.add(TextSegment.from(t));
        List<float[]> out = new ArrayList<>(texts.size());
        model().embedAll(segments).content().forEach(e -> out.add(e.vector()));
        return out;
    }

    @Override public String name() { return NAME; }
}
