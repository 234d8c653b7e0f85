package org.practicegraph.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.practicegraph.store.Store;

/**
 * Whole-dataset dumps, one named graph per report (plus the vocabulary, description and cube
 * graphs), written inside one read transaction so a dump is a consistent snapshot.
 * <pre>
 *   try (OutputStream out = Files.newOutputStream(Path.of("practice-graph.nq.gz"))) {
 *       Dumps.write(store, Dumps.Format.NQUADS, true, out);
 *   }
 * </pre>
 */
public final class Dumps {
    /** Server path of the gzipped N-Quads dump, {@value}. */
    public static final String NQUADS_GZ = "/dumps/practice-graph.nq.gz";
    /** Server path of the gzipped TriG dump, {@value}. */
    public static final String TRIG_GZ = "/dumps/practice-graph.trig.gz";

    private Dumps() {}

    /** Dump formats; all keep the named graphs. */
    public enum Format {
        NQUADS(RDFFormat.NQUADS, "application/n-quads", ".nq"),
        TRIG(RDFFormat.TRIG_BLOCKS, "application/trig", ".trig"),
        JSONLD(RDFFormat.JSONLD11, "application/ld+json", ".jsonld");

        final RDFFormat rdf;
        /** The media type of the uncompressed dump. */
        public final String mediaType;
        /** The file extension, without {@code .gz}. */
        public final String extension;

        Format(RDFFormat rdf, String mediaType, String extension) {
            this.rdf = rdf;
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /**
     * Writes the store. The stream is finished (gzip trailer written) but not closed.
     *
     * @param store      the data
     * @param format     the format
     * @param gzip       compress with gzip
     * @param out        where to write
     * @param contextUrl for JSON-LD: the {@code @context} IRI to reference (null embeds the context)
     * @throws IOException when writing fails
     */
    public static void write(Store store, Format format, boolean gzip, OutputStream out, String contextUrl) throws IOException {
        GZIPOutputStream zip = gzip ? new GZIPOutputStream(out, 1 << 16) : null;
        OutputStream target = zip != null ? zip : out;
        Txn.executeRead(store.dataset(), () -> {
            if (format == Format.JSONLD) JsonLdContext.write(store.dataset(), target, contextUrl);
            else RDFDataMgr.write(target, DatasetFactory.wrap(store.dataset()), format.rdf);
        });
        if (zip != null) zip.finish();
        out.flush();
    }

    /** @return the dump format of a server path such as {@link #NQUADS_GZ}, or null */
    public static Format formatOf(String path) {
        for (Format f : Format.values()) if (path.endsWith(f.extension + ".gz") || path.endsWith(f.extension)) return f;
        return null;
    }

    /** @return the media type of a dump path's uncompressed content */
    static String mediaType(String path) {
        Format f = formatOf(path);
        return f == null ? "application/octet-stream" : f.mediaType;
    }

    /** @return a slug naming a dump path, e.g. {@code nq-gz} */
    static String slug(String path) {
        return path.replaceFirst(".*/practice-graph\\.", "").replace('.', '-');
    }
}
