package org.practicegraph.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Lets {@code SERVICE} reach only the SPARQL endpoints on a list; any other target (another host
 * or port, a path on this server such as {@code /$/…}, {@code file:} or {@code urn:} IRIs, a
 * variable bound to any of those) fails the query with a message naming the target and the list.
 * <pre>
 *   ServiceAllowlist.of(List.of("https://query.wikidata.org/sparql")).install(dataset.getContext());
 * </pre>
 * Installed as the only executor of a dataset's own {@link ServiceExecutorRegistry}, so no other
 * executor (the standard HTTP one included) sees a refused call. Matching is exact after
 * normalising case of scheme and host, the default port and a trailing '/'.
 */
public final class ServiceAllowlist implements ServiceExecutor {
    /** The public endpoints allowed by default: ONS, Wikidata and OpenDataCommunities. */
    public static final List<String> DEFAULT = List.of(
            "https://statistics.data.gov.uk/sparql",
            "https://query.wikidata.org/sparql",
            "https://opendatacommunities.org/sparql");

    private final Set<String> allowed = new LinkedHashSet<>();

    private ServiceAllowlist(List<String> endpoints) {
        for (String e : endpoints) {
            String n = normalise(e);
            if (n == null) throw new IllegalArgumentException("not an http(s) SPARQL endpoint URL: " + e);
            allowed.add(n);
        }
    }

    /**
     * @param endpoints SPARQL endpoint URLs (http or https); empty refuses every SERVICE
     * @return the allowlist
     * @throws IllegalArgumentException when an entry is not an http(s) URL
     */
    public static ServiceAllowlist of(List<String> endpoints) { return new ServiceAllowlist(List.copyOf(endpoints)); }

    /** @return the allowed endpoints, normalised, in the order given */
    public List<String> endpoints() { return List.copyOf(allowed); }

    /** @return whether a SERVICE call to this IRI would be let through */
    public boolean allows(String iri) {
        String n = normalise(iri);
        return n != null && allowed.contains(n);
    }

    /** Makes this list the only way a query on a dataset with this context reaches a SERVICE. */
    public void install(Context context) {
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        registry.add(this);
        ServiceExecutorRegistry.set(context, registry);
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService original, Binding binding, ExecutionContext execCxt) {
        Node target = opExecute.getService();
        if (target == null || !target.isURI() || !allows(target.getURI()))
            throw new Refused("SERVICE <" + (target == null ? "?" : target.isURI() ? target.getURI() : target.toString())
                    + "> is not allowed: this endpoint federates only with " + (allowed.isEmpty() ? "no endpoints" : String.join(", ", allowed))
                    + " (server option --service-allow)");
        return ServiceExecutorRegistry.httpService.createExecution(opExecute, original, binding, execCxt);
    }

    /** A refused SERVICE call: Fuseki answers 400 Bad Request with the message. */
    public static final class Refused extends ActionErrorException {
        private static final long serialVersionUID = 1L;

        Refused(String message) { super(400, message, null); }
    }

    /** @return scheme://host[:port]/path, lower-case scheme and host, no default port, no trailing '/'; null unless http(s) */
    static String normalise(String iri) {
        try {
            URI u = new URI(iri.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return null;
            if (u.getHost() == null || u.getRawUserInfo() != null || u.getRawFragment() != null) return null;
            int port = u.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = u.getRawPath() == null ? "" : u.getRawPath().replaceFirst("/+$", "");
            String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path + query;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
