package org.practicegraph.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;

/**
 * What the named graphs hold, counted as a VoID description counts it: quads, distinct subjects,
 * distinct subjects that are this data's own IRIs ("entities"), the properties used, the entities
 * of each class, and the first IRI (in string order) of some classes. Graphs can be left out (the
 * derived graphs, which describe the data rather than being it).
 * <p>
 * Counted in one pass over TDB2's SPOG index, comparing node ids, not nodes: the index is sorted
 * by subject, so distinct subjects and each subject's classes are counted as runs go by, in
 * memory bounded by the number of properties and classes. Only each counted subject is decoded
 * (to tell this data's IRIs from the rest). SPARQL's {@code COUNT(DISTINCT ?s)} over the same
 * 40 million quads (50,000 reports) decoded every node of every quad and held every subject in
 * the heap; see docs/benchmarks.md.
 *
 * @param quads          quads in the counted graphs (a triple in two graphs counts twice)
 * @param subjects       distinct subjects
 * @param entities       distinct subjects that are IRIs starting with the entity prefix
 * @param properties     the properties used, as IRIs, sorted
 * @param classEntities  for each class (IRI), how many distinct subjects have it as {@code rdf:type}
 * @param firstOfClass   for each asked-for class that has instances, its first instance IRI in string order
 */
public record GraphCounts(long quads, long subjects, long entities, Set<String> properties,
                          Map<String, Long> classEntities, Map<String, String> firstOfClass) {

    /** The index this counts from: the quad index sorted by subject, one of TDB2's defaults. */
    static final String INDEX = "SPOG";

    /**
     * Counts; the caller holds a read transaction on {@code tdb}.
     *
     * @param tdb            a TDB2 dataset (on disk or in memory)
     * @param leftOut        names of graphs not to count
     * @param entityPrefix   IRIs of this data's own resources start with it
     * @param exampleClasses classes (IRIs) to find a first instance of
     */
    static GraphCounts count(DatasetGraph tdb, Set<String> leftOut, String entityPrefix, Set<String> exampleClasses) {
        TupleIndex spog = TDBInternal.findIndex(tdb, INDEX);
        if (spog == null) throw new IllegalStateException("the database has no " + INDEX + " quad index to count from");
        Set<NodeId> skipped = new HashSet<>();
        for (String g : leftOut) {
            NodeId id = TDBInternal.getNodeId(tdb, NodeFactory.createURI(g));
            if (id != null && !NodeId.isDoesNotExist(id)) skipped.add(id);
        }
        NodeId type = TDBInternal.getNodeId(tdb, RDF.type.asNode());
        Map<NodeId, String> asked = new HashMap<>();
        for (String c : exampleClasses) {
            NodeId id = TDBInternal.getNodeId(tdb, NodeFactory.createURI(c));
            if (id != null && !NodeId.isDoesNotExist(id)) asked.put(id, c);
        }
        Set<NodeId> properties = new HashSet<>();
        Map<NodeId, Long> classes = new HashMap<>();
        Map<String, String> first = new TreeMap<>();
        long quads = 0, subjects = 0, entities = 0;

        // the current subject's run: whether a counted graph mentions it, and its classes there
        NodeId subject = null;
        boolean counted = false;
        Set<NodeId> subjectClasses = new HashSet<>();
        Iterator<Tuple<NodeId>> it = spog.all();   // tuples come as (G, S, P, O), sorted by S, P, O, G
        while (true) {
            Tuple<NodeId> q = it.hasNext() ? it.next() : null;
            if (q == null || !q.get(1).equals(subject)) {
                if (counted) {
                    subjects++;
                    Node s = TDBInternal.getNode(tdb, subject);
                    boolean entity = s.isURI() && s.getURI().startsWith(entityPrefix);
                    if (entity) entities++;
                    for (NodeId c : subjectClasses) {
                        classes.merge(c, 1L, Long::sum);
                        String cls = asked.get(c);
                        if (cls != null && s.isURI()) first.merge(cls, s.getURI(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                    }
                }
                if (q == null) break;
                subject = q.get(1);
                counted = false;
                subjectClasses.clear();
            }
            if (skipped.contains(q.get(0))) continue;
            quads++;
            counted = true;
            properties.add(q.get(2));
            if (q.get(2).equals(type)) subjectClasses.add(q.get(3));
        }

        Set<String> propertyIris = new TreeSet<>();
        for (NodeId p : properties) propertyIris.add(TDBInternal.getNode(tdb, p).getURI());
        Map<String, Long> classEntities = new TreeMap<>();
        classes.forEach((c, n) -> {
            Node cls = TDBInternal.getNode(tdb, c);
            if (cls.isURI()) classEntities.put(cls.getURI(), n);
        });
        return new GraphCounts(quads, subjects, entities, Collections.unmodifiableSet(propertyIris),
                Collections.unmodifiableMap(classEntities), Collections.unmodifiableMap(first));
    }
}
