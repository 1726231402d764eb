package org.wardwatch.localstack.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IoT topic rule's SQL, for the subset wardwatch's rules use: {@code SELECT} of {@code *} (the payload's JSON),
 * {@code encode(*, 'base64')}, {@code topic(n)}, {@code clientid()} and {@code timestamp()}, each but {@code *}
 * {@code AS} a name, {@code FROM} a quoted topic filter, no {@code WHERE}. Anything else is refused when the rule
 * is read, never silently ignored.
 */
public final class TopicRule {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rejects trailing content after the JSON value ({@code {"a":1} x}) and invalid UTF-8, as IoT Core does. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Pattern STATEMENT = Pattern.compile(
            "\\s*SELECT\\s+(.+?)\\s+FROM\\s+'([^']+)'\\s*(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("(.+?)\\s+AS\\s+([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TOPIC = Pattern.compile("topic\\(\\s*(\\d{1,3})\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENCODE = Pattern.compile("encode\\(\\s*\\*\\s*,\\s*'base64'\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private sealed interface Field permits Payload, Encoded, TopicLevel, ClientId, Timestamp {
    }

    /** {@code *}: the payload's own JSON. */
    private record Payload() implements Field {
    }

    private record Encoded() implements Field {
    }

    private record TopicLevel(int level) implements Field {
    }

    private record ClientId() implements Field {
    }

    private record Timestamp() implements Field {
    }

    private record Column(String name, Field field) {
    }

    private final String sql;
    private final String topicFilter;
    private final List<Column> columns;

    private TopicRule(String sql, String topicFilter, List<Column> columns) {
        this.sql = sql;
        this.topicFilter = topicFilter;
        this.columns = columns;
    }

    public static TopicRule parse(String sql) {
        Matcher statement = STATEMENT.matcher(sql);
        if (!statement.matches()) {
            throw new UnsupportedRuleException("not SELECT ... FROM '<topic filter>': " + sql);
        }
        if (!statement.group(3).isBlank()) {
            throw new UnsupportedRuleException("only SELECT ... FROM is emulated locally, not: " + statement.group(3).trim());
        }
        List<Column> columns = new ArrayList<>();
        for (String item : splitTopLevel(statement.group(1))) {
            if (item.trim().equals("*")) {
                if (columns.stream().anyMatch(c -> c.field() instanceof Payload)) {
                    throw new UnsupportedRuleException("* selected twice: " + sql);
                }
                columns.add(new Column(null, new Payload()));
                continue;
            }
            Matcher m = ITEM.matcher(item.trim());
            if (!m.matches()) {
                throw new UnsupportedRuleException("each selected value needs AS <name>: " + item.trim());
            }
            columns.add(new Column(m.group(2), field(m.group(1).trim())));
        }
        return new TopicRule(sql, statement.group(2), List.copyOf(columns));
    }

    private static Field field(String expression) {
        Matcher topic = TOPIC.matcher(expression);
        if (topic.matches()) {
            return new TopicLevel(Integer.parseInt(topic.group(1)));
        }
        if (ENCODE.matcher(expression).matches()) {
            return new Encoded();
        }
        String e = expression.replace(" ", "").toLowerCase(Locale.ROOT);
        if (e.equals("clientid()")) {
            return new ClientId();
        }
        if (e.equals("timestamp()")) {
            return new Timestamp();
        }
        throw new UnsupportedRuleException("expression not emulated locally: " + expression);
    }

    public String sql() {
        return sql;
    }

    public String topicFilter() {
        return topicFilter;
    }

    /**
     * Whether a publish on {@code topic} triggers this rule, with MQTT's filter semantics: {@code +} is one level,
     * {@code #} the parent and any depth below, and a filter that starts with a wildcard does not match a topic that
     * starts with {@code $} (such as {@code $aws/events/...}); {@code $aws/events/presence/+/+} does.
     */
    public boolean matches(String topic) {
        String[] filter = topicFilter.split("/", -1);
        String[] levels = topic.split("/", -1);
        if (topic.startsWith("$") && (filter[0].equals("+") || filter[0].equals("#"))) {
            return false;
        }
        for (int i = 0; i < filter.length; i++) {
            if (filter[i].equals("#")) {
                return true;
            }
            if (i >= levels.length || !(filter[i].equals("+") || filter[i].equals(levels[i]))) {
                return false;
            }
        }
        return filter.length == levels.length;
    }

    /**
     * The event the rule's action receives for this publish.
     *
     * @throws NonJsonPayloadException when the rule selects {@code *} and the payload is not JSON (or, with other
     *                                 values selected beside it, not a JSON object): IoT Core's Lambda action
     *                                 fails for such a message and the rule's error action receives it
     */
    public String event(String topic, String clientId, byte[] payload, long receivedAtMillis) {
        ObjectNode event = JSON.createObjectNode();
        if (columns.stream().anyMatch(c -> c.field() instanceof Payload)) {
            JsonNode json = json(payload);
            if (columns.size() == 1) {
                return json.toString();
            }
            if (!json.isObject()) {
                throw new NonJsonPayloadException("SELECT * with other values needs a JSON object payload");
            }
            // The payload first: the values the rule names are set after it and win over same-named fields.
            event.setAll((ObjectNode) json);
        }
        String[] levels = topic.split("/", -1);
        for (Column column : columns) {
            Field field = column.field();
            if (field instanceof Payload) {
                continue;
            } else if (field instanceof Encoded) {
                event.put(column.name(), Base64.getEncoder().encodeToString(payload));
            } else if (field instanceof TopicLevel t) {
                if (t.level() >= 1 && t.level() <= levels.length) {
                    event.put(column.name(), levels[t.level() - 1]);
                }
            } else if (field instanceof ClientId) {
                event.put(column.name(), clientId);
            } else if (field instanceof Timestamp) {
                event.put(column.name(), receivedAtMillis);
            }
        }
        return event.toString();
    }

    private static JsonNode json(byte[] payload) {
        try {
            JsonNode json = STRICT.readTree(payload);
            if (json == null || json.isMissingNode()) {
                throw new NonJsonPayloadException("the payload is empty, not JSON");
            }
            return json;
        } catch (IOException e) {
            throw new NonJsonPayloadException("the payload is not JSON");
        }
    }

    private static List<String> splitTopLevel(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (char c : list.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                items.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        items.add(current.toString());
        return items;
    }
}
