package org.practicegraph.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * The labels of the SKOS taxonomies, ready to be found in text. Every prefLabel, altLabel and
 * hiddenLabel of a concept becomes a token sequence pointing at the concept's notation; labels are
 * normalised once here with {@link Token#normalise} (case, plurals, possessives, hyphen or space), so
 * rule writers list a term once. A hyphenated label also matches its closed spelling
 * ("co-production" / "coproduction"). Short all-capital labels ("AI", "ASYE") match only the same
 * capitals, so "AI" never matches the word "ai" and never a piece of "maintain" (matching is by token).
 *
 * <p>Concepts are keyed by scheme and notation, so a supplement file may add labels to a concept
 * defined elsewhere by repeating its notation under the same scheme.
 */
final class Lexicon {
    static final String INITIATIVE_TYPES = "https://w3id.org/practice-graph/def/initiative-type";
    static final String PARTNER_KINDS = "https://w3id.org/practice-graph/def/partner-kind";
    static final String OUTCOME_TYPES = "https://w3id.org/practice-graph/def/outcome-type";

    /** A label occurrence in a token list: tokens [from, to). */
    record Hit(int from, int to, String scheme, String notation, String label) {
        int length() { return to - from; }
    }

    private record Entry(String scheme, String notation, String label, List<String> tokens, String caseSensitive) {}

    private final Map<String, List<Entry>> byFirstToken = new HashMap<>();
    private final Map<String, Set<String>> broader = new HashMap<>();   // scheme|notation -> direct broader notations
    private int size;

    private Lexicon() {}

    /**
     * Reads SKOS Turtle files from the classpath; a missing file is skipped (the taxonomies may be
     * absent in a partial checkout), a malformed one fails naming the file.
     *
     * @param resources classpath paths such as "/ontology/initiative-types.ttl"
     * @return the lexicon of all concepts with a notation
     */
    static Lexicon fromClasspath(List<String> resources) {
        Model model = ModelFactory.createDefaultModel();
        for (String r : resources) {
            try (InputStream in = Lexicon.class.getResourceAsStream(r)) {
                if (in == null) continue;
                RDFParser.source(in).lang(Lang.TURTLE).base("urn:x-base:").parse(model);
            } catch (IOException e) {
                throw new UncheckedIOException(r + ": cannot read taxonomy", e);
            } catch (RuntimeException e) {
                throw new IllegalStateException(r + ": not valid Turtle: " + e.getMessage(), e);
            }
        }
        return fromModel(model);
    }

    /** @return a lexicon of every skos:Concept with a notation in the model */
    static Lexicon fromModel(Model model) {
        Lexicon lx = new Lexicon();
        Map<Resource, String> notation = new HashMap<>();
        model.listSubjectsWithProperty(SKOS.notation).forEachRemaining(c ->
                notation.put(c, c.getProperty(SKOS.notation).getString()));
        for (Map.Entry<Resource, String> e : notation.entrySet()) {
            Resource c = e.getKey();
            String scheme = c.hasProperty(SKOS.inScheme) ? c.getPropertyResourceValue(SKOS.inScheme).getURI() : schemeOf(c);
            if (scheme == null) continue;
            for (Statement s : c.listProperties(SKOS.broader).toList()) {
                String b = notation.get(s.getResource());
                if (b != null) lx.broader.computeIfAbsent(scheme + "|" + e.getValue(), k -> new LinkedHashSet<>()).add(b);
            }
            for (var p : List.of(SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel))
                for (Statement s : c.listProperties(p).toList()) lx.add(scheme, e.getValue(), literal(s.getObject()));
            // the notation itself is not a label: "PeerReview" never appears in prose
        }
        if (model.contains(null, RDF.type, SKOS.Concept) && lx.size == 0)
            throw new IllegalStateException("taxonomies hold concepts but none has a skos:notation");
        return lx;
    }

    private static String schemeOf(Resource c) {
        String uri = c.getURI();
        if (uri == null) return null;
        for (String s : List.of(INITIATIVE_TYPES, PARTNER_KINDS, OUTCOME_TYPES)) if (uri.startsWith(s + "/")) return s;
        return null;
    }

    private static String literal(RDFNode n) { return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString(); }

    /** @return an empty lexicon, to be filled with {@link #add} (gazetteers that are not SKOS) */
    static Lexicon empty() { return new Lexicon(); }

    /** Adds one label form; normalised like every other label. */
    void add(String scheme, String notation, String label) {
        List<String> tokens = Token.normaliseAll(label);
        if (tokens.isEmpty()) return;
        String letters = label.replaceAll("[^\\p{L}]", "");
        String cs = letters.length() <= 5 && letters.equals(letters.toUpperCase()) && letters.length() >= 2 ? label.strip() : null;
        put(new Entry(scheme, notation, label, tokens, cs));
        if (label.matches(".*\\p{L}-\\p{L}.*") && cs == null)   // closed spelling of a hyphenated label
            put(new Entry(scheme, notation, label, Token.normaliseAll(label.replaceAll("(\\p{L})-(\\p{L})", "$1$2")), null));
    }

    private void put(Entry e) {
        byFirstToken.computeIfAbsent(e.tokens().get(0), k -> new ArrayList<>()).add(e);
        size++;
    }

    /** @return the number of label forms held */
    int size() { return size; }

    /**
     * Finds labels of one scheme, longest first, without overlaps, left to right.
     *
     * @param tokens a sentence's tokens
     * @param scheme the scheme IRI
     * @return hits in token order
     */
    List<Hit> find(List<Token> tokens, String scheme) {
        List<Hit> all = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<Entry> cands = byFirstToken.get(tokens.get(i).norm());
            if (cands == null) continue;
            Hit best = null;
            for (Entry e : cands) {
                if (!e.scheme().equals(scheme) || !matchesAt(tokens, i, e)) continue;
                if (best == null || e.tokens().size() > best.length())
                    best = new Hit(i, i + e.tokens().size(), scheme, e.notation(), e.label());
            }
            if (best != null) all.add(best);
        }
        all.sort(Comparator.comparingInt(Hit::length).reversed().thenComparingInt(Hit::from));
        List<Hit> kept = new ArrayList<>();
        for (Hit h : all)
            if (kept.stream().noneMatch(k -> h.from() < k.to() && k.from() < h.to())) kept.add(h);
        kept.sort(Comparator.comparingInt(Hit::from));
        return kept;
    }

    private static boolean matchesAt(List<Token> tokens, int i, Entry e) {
        if (i + e.tokens().size() > tokens.size()) return false;
        for (int k = 0; k < e.tokens().size(); k++)
            if (!tokens.get(i + k).norm().equals(e.tokens().get(k))) return false;
        if (e.caseSensitive() != null) {
            List<String> raw = Token.tokenise(e.caseSensitive(), 0).stream().filter(Token::isWord).map(Token::raw).toList();
            for (int k = 0; k < raw.size() && k < e.tokens().size(); k++)
                if (!tokens.get(i + k).raw().replaceAll("['’]s?$", "").equals(raw.get(k))) return false;
        }
        return true;
    }

    /**
     * @return the notation followed by all broader notations, nearest first (the type and its groups)
     */
    List<String> withBroader(String scheme, String notation) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        List<String> queue = new ArrayList<>(List.of(notation));
        while (!queue.isEmpty()) {
            String n = queue.remove(0);
            if (seen.put(n, true) != null) continue;
            queue.addAll(broader.getOrDefault(scheme + "|" + n, Set.of()));
        }
        return List.copyOf(seen.keySet());
    }
}
