package org.practicegraph.evaluate;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Reads a gold file's JSON into a {@link GoldReport}, failing with {@code FILE: problem} wherever
 * score.py would crash or silently mis-score (missing keys, wrong types, bad regexes, an outcome
 * naming no initiative). Strict JSON, as Python's {@code json} reads it.
 */
final class GoldParser {
    private final Path file;

    private GoldParser(Path file) { this.file = file; }

    static GoldReport parse(Path file, String text) {
        return new GoldParser(file).report(json(file, text));
    }

    private static JsonObject json(Path file, String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) throw new GoldException(file + ": not valid JSON (text after the end)");
            if (!root.isJsonObject()) throw new GoldException(file + ": expected a JSON object");
            return root.getAsJsonObject();
        } catch (JsonParseException | IOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            // Gson appends a troubleshooting link on a second line; keep the message to one line
            throw new GoldException(file + ": not valid JSON (" + cause.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private GoldException fail(String where, String problem) {
        return new GoldException(file + ": " + (where.isEmpty() ? "" : where + ": ") + problem);
    }

    private GoldReport report(JsonObject o) {
        String report = string(o, "report", "", true);
        Double score = number(o, "score", "");
        Map<String, Double> statementScores = new LinkedHashMap<>();
        JsonElement ss = o.get("statementScores");
        if (ss != null && !ss.isJsonNull()) {
            if (!ss.isJsonObject()) throw fail("", "\"statementScores\" must be an object (title: score)");
            for (String title : ss.getAsJsonObject().keySet())
                statementScores.put(title, number(ss.getAsJsonObject(), title, "statementScores"));
        }
        List<GoldReport.Initiative> initiatives = items(o, "initiatives", this::initiative);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < initiatives.size(); i++)
            if (!ids.add(initiatives.get(i).id()))
                throw fail("initiatives[" + i + "]", "id \"" + initiatives.get(i).id() + "\" is used twice");
        List<GoldReport.Outcome> outcomes = items(o, "outcomes", this::outcome);
        for (int i = 0; i < outcomes.size(); i++)
            if (!ids.contains(outcomes.get(i).initiative()))
                throw fail("outcomes[" + i + "]", "no initiative has id \"" + outcomes.get(i).initiative() + "\"");
        return new GoldReport(file, report, string(o, "authority", "", false), string(o, "gss", "", false),
                string(o, "qualityStatement", "", false), score, statementScores, initiatives,
                items(o, "partners", this::partner), items(o, "metrics", this::metric), outcomes);
    }

    private GoldReport.Initiative initiative(JsonObject o, String at) {
        boolean optional = optional(o, at);
        String match = string(o, "match", at, true);
        String status = o.has("status") ? string(o, "status", at, true) : "established";
        List<String> partners = new ArrayList<>();
        JsonElement ps = o.get("partners");
        if (ps != null && !ps.isJsonNull()) {
            if (!ps.isJsonArray()) throw fail(at, "\"partners\" must be a list of partner ids");
            for (JsonElement p : ps.getAsJsonArray()) {
                if (!(p.isJsonPrimitive() && p.getAsJsonPrimitive().isString())) throw fail(at, "\"partners\" must be a list of partner ids");
                partners.add(p.getAsString());
            }
        }
        // a matched required initiative is scored on its type, so only an optional one may leave it out
        return new GoldReport.Initiative(string(o, "id", at, true), match, regex(match, "match", at),
                string(o, "type", at, !optional), status, List.copyOf(partners), optional);
    }

    private GoldReport.Partner partner(JsonObject o, String at) {
        String match = string(o, "match", at, true);
        return new GoldReport.Partner(string(o, "id", at, true), match, regex(match, "match", at),
                string(o, "kind", at, false), optional(o, at));
    }

    private GoldReport.Metric metric(JsonObject o, String at) {
        JsonElement v = o.get("value");
        if (v == null) throw fail(at, "missing \"value\"");
        Double value = number(o, "value", at);
        if (value == null) throw fail(at, "\"value\" must be a number");
        String token = v.getAsNumber().toString();
        // Python prints a JSON integer as written and a JSON float as repr(float): 89 and 89.0
        String valueText = token.matches("-?\\d+") ? new BigInteger(token).toString() : Py.repr(value);
        String about = string(o, "about", at, false);
        Pattern pattern = regex(about == null || about.isEmpty() ? "." : about, "about", at);
        return new GoldReport.Metric(value, valueText, string(o, "unit", at, true), about, pattern,
                number(o, "baseline", at), number(o, "comparator", at), optional(o, at));
    }

    private GoldReport.Outcome outcome(JsonObject o, String at) {
        String match = string(o, "match", at, true);
        return new GoldReport.Outcome(string(o, "initiative", at, true), match, regex(match, "match", at), optional(o, at));
    }

    private <T> List<T> items(JsonObject o, String key, BiFunction<JsonObject, String, T> item) {
        JsonElement e = o.get(key);
        if (e == null) return List.of();
        if (!e.isJsonArray()) throw fail("", "\"" + key + "\" must be a list");
        JsonArray a = e.getAsJsonArray();
        List<T> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String at = key + "[" + i + "]";
            if (!a.get(i).isJsonObject()) throw fail(at, "must be an object");
            out.add(item.apply(a.get(i).getAsJsonObject(), at));
        }
        return out;
    }

    /** @return the string, or null when absent or null and not required */
    private String string(JsonObject o, String key, String at, boolean required) {
        JsonElement e = o.get(key);
        if (e == null && required) throw fail(at, "missing \"" + key + "\"");
        if (e == null || (e.isJsonNull() && !required)) return null;
        if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) throw fail(at, "\"" + key + "\" must be a string");
        return e.getAsString();
    }

    /** @return the number, or null when absent or null */
    private Double number(JsonObject o, String key, String at) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) return null;
        if (!(e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber())) throw fail(at, "\"" + key + "\" must be a number");
        return e.getAsDouble();
    }

    private boolean optional(JsonObject o, String at) {
        JsonElement e = o.get("optional");
        if (e == null || e.isJsonNull()) return false;
        if (!(e.isJsonPrimitive() && ((JsonPrimitive) e).isBoolean())) throw fail(at, "\"optional\" must be true or false");
        return e.getAsBoolean();
    }

    private Pattern regex(String regex, String key, String at) {
        try {
            return PyRegex.compile(regex);
        } catch (PatternSyntaxException e) {
            throw fail(at, "bad regex in \"" + key + "\" /" + regex + "/ (" + e.getDescription() + " at index " + e.getIndex() + ")");
        }
    }
}
