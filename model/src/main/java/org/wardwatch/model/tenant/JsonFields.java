package org.wardwatch.model.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.wardwatch.model.alert.Severity;

/**
 * Reads the fields of a configuration document and collects every problem, each prefixed by the JSON path of the
 * field it concerns ({@code contacts[1].protocol: must be sms or email}). Readers return null (or the fallback)
 * for a missing or invalid field; a problem then says what it must be.
 */
final class JsonFields {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final List<String> problems = new ArrayList<>();

    /** The document's text, or an exception naming the file. */
    static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidConfigurationException(file.toString(), List.of("cannot read the file: " + e));
        }
    }

    /** The document's root, or an exception naming the source, line and what is wrong. */
    static JsonNode root(String text, String source) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw new InvalidConfigurationException(source, List.of("(root): must be a JSON object"));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidConfigurationException(source, List.of("not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    void add(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    /** Throws every problem found, if any. */
    void throwIfAny(String source) {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(source, problems);
        }
    }

    void allowOnly(JsonNode node, String path, String... names) {
        List<String> allowed = List.of(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                problems.add(path + field + ": unknown field (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    JsonNode object(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(path + name + ": must be an object");
            return null;
        }
        return node;
    }

    String requiredText(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            problems.add(path + name + ": is required");
            return null;
        }
        return text(node, path + name);
    }

    String optionalText(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        return node == null ? null : text(node, path + name);
    }

    private String text(JsonNode node, String field) {
        if (!node.isTextual()) {
            problems.add(field + ": must be a string");
            return null;
        }
        return node.asText();
    }

    int optionalInt(JsonNode parent, String path, String name, int min, int max, int fallback) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            problems.add(path + name + ": must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return node.asInt();
    }

    /** A whole number from min to max, or null if absent or invalid (then a problem says what it must be). */
    Integer optionalWholeNumber(JsonNode parent, String path, String name, int min, int max, String expectation) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            problems.add(path + name + ": must be " + expectation);
            return null;
        }
        return node.asInt();
    }

    /** WARNING or CRITICAL, required. */
    Severity alertSeverity(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null) {
            problems.add(path + name + ": is required (WARNING or CRITICAL)");
            return null;
        }
        if (node.isTextual() && ("WARNING".equals(node.asText()) || "CRITICAL".equals(node.asText()))) {
            return Severity.valueOf(node.asText());
        }
        problems.add(path + name + ": must be WARNING or CRITICAL");
        return null;
    }
}
