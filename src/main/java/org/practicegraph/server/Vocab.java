package org.practicegraph.server;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.practicegraph.rdf.PG;

/** Prefixes and the few external terms the linked-data pages use. */
final class Vocab {
    private Vocab() {}

    static final String PROV = "http://www.w3.org/ns/prov#";
    static final Node WAS_DERIVED_FROM = NodeFactory.createURI(PROV + "wasDerivedFrom");

    /** Prefix → namespace, for Turtle output and for compact property names on HTML pages. */
    static final Map<String, String> PREFIXES;
    static {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PG.PREFIX, PG.NS);
        p.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        p.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        p.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        p.put("skos", "http://www.w3.org/2004/02/skos/core#");
        p.put("dcterms", "http://purl.org/dc/terms/");
        p.put("prov", PROV);
        p.put("org", "http://www.w3.org/ns/org#");
        p.put("qb", "http://purl.org/linked-data/cube#");
        p.put("void", "http://rdfs.org/ns/void#");
        p.put("dcat", "http://www.w3.org/ns/dcat#");
        PREFIXES = Map.copyOf(p);
    }
}
