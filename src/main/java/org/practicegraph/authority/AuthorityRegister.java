package org.practicegraph.authority;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves council names to {@link Authority} records.
 * <pre>
 *   AuthorityRegister reg = AuthorityRegister.load();
 *   reg.byName("London Borough of Hillingdon");   // Optional[Hillingdon, E09000017]
 *   reg.findInText(reportText);                  // the council the text is about, if it says
 * </pre>
 */
public final class AuthorityRegister {
    private static final String RESOURCE = "/authority/authorities.csv";
    private static final String CUES = "/authority/name-cues.tsv";
    /** Generic ways reports name a council ({@code %s} is the short name), from {@value #CUES}. */
    private static final List<String> GENERATED_FORMS = cues("form");
    /** A place name followed by one of these names another organisation ("Kingston University"). */
    private static final Pattern NOT_THE_COUNCIL = Pattern.compile(
            "^[\\s-]*(" + alternation(cues("after")) + ")\\b");
    /** A place name after one of these is part of another organisation's name ("University of Birmingham"). */
    private static final Pattern NOT_THE_COUNCIL_BEFORE = Pattern.compile(
            "\\b(" + alternation(cues("before")) + ")\\s*$");

    private final List<Authority> authorities;
    private final Map<String, Authority> byKey = new HashMap<>();
    private final Map<String, Authority> byGss = new HashMap<>();
    private final Pattern mention;
    private final Map<String, Authority> byMention = new HashMap<>();

    private AuthorityRegister(List<Authority> authorities) {
        this.authorities = List.copyOf(authorities);
        List<String> names = new ArrayList<>();
        for (Authority a : authorities) {
            byGss.put(a.gss(), a);
            for (String v : a.variants()) {
                Authority clash = byKey.put(key(v), a);
                if (clash != null && clash != a)
                    throw new IllegalStateException("name '" + v + "' names both " + clash.name() + " and " + a.name());
                byMention.put(v.toLowerCase(Locale.ROOT), a);
                names.add(v);
            }
        }
        // Longest first so "Kingston upon Thames" wins over "Kingston".
        names.sort(Comparator.comparingInt(String::length).reversed());
        mention = Pattern.compile("\\b(" + byFirstCharacter(names) + ")\\b");
    }

    /** @return the register bundled with the application */
    public static AuthorityRegister load() {
        try (InputStream in = AuthorityRegister.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuthorityRegister parse(BufferedReader reader) throws IOException {
        List<Authority> list = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            // The variants column is last, so it may hold commas ("Bristol, City of").
            String[] f = line.split(",", 5);
            if (f.length != 5) throw new IllegalStateException(RESOURCE + ": expected 5 columns in: " + line);
            Set<String> variants = new LinkedHashSet<>();
            variants.add(f[1]);
            for (String form : GENERATED_FORMS) variants.add(form.formatted(f[1]));
            for (String v : f[4].split("\\|")) if (!v.isBlank()) variants.add(v.strip());
            list.add(new Authority(f[0], f[1], f[2], f[3], new ArrayList<>(variants)));
        }
        return new AuthorityRegister(list);
    }

    /** @return every authority, in register order */
    public List<Authority> all() { return authorities; }

    /** @return the authority with this GSS code */
    public Optional<Authority> byGss(String gss) { return Optional.ofNullable(byGss.get(gss)); }

    /** @return the authority this name (any known form, any case) denotes */
    public Optional<Authority> byName(String name) {
        String k = key(name);
        Authority a = byKey.get(k);
        if (a == null) a = byKey.get(key(name.replaceFirst("(?i):.*$", "")));
        return Optional.ofNullable(a);
    }

    /**
     * The council a report is about: the one whose names the text uses most, ignoring names that
     * are part of another organisation's name ("Kingston University").
     *
     * @param text report text
     * @return the authority, or empty when the text names none
     */
    public Optional<Authority> findInText(String text) {
        Map<Authority, Integer> counts = new LinkedHashMap<>();
        Matcher m = mention.matcher(text);
        while (m.find()) {
            if (NOT_THE_COUNCIL.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 30))).find()
                    || NOT_THE_COUNCIL_BEFORE.matcher(text.substring(Math.max(0, m.start() - 30), m.start())).find()) continue;
            counts.merge(byMention.get(m.group(1).toLowerCase(Locale.ROOT)), 1, Integer::sum);
        }
        List<Map.Entry<Authority, Integer>> ranked = counts.entrySet().stream()
                .sorted(Map.Entry.<Authority, Integer>comparingByValue().reversed()).toList();
        // Two councils named equally often: the text alone cannot say which one the report is about.
        if (ranked.size() > 1 && ranked.get(0).getValue().equals(ranked.get(1).getValue())) return Optional.empty();
        return ranked.stream().findFirst().map(Map.Entry::getKey);
    }

    /** @return the texts of one kind of row in {@value #CUES} */
    private static List<String> cues(String kind) {
        try (InputStream in = AuthorityRegister.class.getResourceAsStream(CUES)) {
            if (in == null) throw new IllegalStateException("missing resource " + CUES);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", 2))
                    .filter(f -> f.length == 2 && f[0].equals(kind))
                    .map(f -> f[1].strip()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The alternation of the names, factored by first character ("B(?:\Qirmingham\E|\Qolton\E)|C(?:…)"):
     * it matches what the plain alternation matches, since only names starting with the character at
     * hand can match and their order (longest first) is kept, but tries a handful of names at each
     * word instead of all of them (finding the council was a third of {@code Loader.toGraph}'s CPU).
     */
    private static String byFirstCharacter(List<String> names) {
        Map<String, List<String>> rests = new LinkedHashMap<>();
        for (String n : names) {
            int k = Character.charCount(n.codePointAt(0));
            rests.computeIfAbsent(n.substring(0, k), c -> new ArrayList<>()).add(n.substring(k));
        }
        List<String> groups = new ArrayList<>();
        rests.forEach((first, rest) -> groups.add(Pattern.quote(first) + "(?:" + alternation(rest) + ")"));
        return String.join("|", groups);
    }

    private static String alternation(List<String> words) {
        return String.join("|", words.stream().map(Pattern::quote).toList());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", " ").strip();
    }
}
