package org.wardwatch.localstack.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IoT topic rule's SQL, for the subset wardwatch's rule uses: {@code SELECT} of {@code encode(*, 'base64')},
 * {@code topic(n)}, {@code clientid()} and {@code timestamp()}, each {@code AS} a name, {@code FROM} a quoted
 * topic filter, no {@code WHERE}. Anything else is refused when the rule is read, never silently ignored.
 */
public final class TopicRule {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATEMENT = Pattern.compile(
            "\\s*SELECT\\s+(.+?)\\s+FROM\\s+'([^']+)'\\s*(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("(.+?)\\s+AS\\s+([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TOPIC = Pattern.compile("topic\\(\\s*(\\d{1,3})\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENCODE = Pattern.compile("encode\\(\\s*\\*\\s*,\\s*'base64'\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private sealed interface Field permits Encoded, TopicLevel, ClientId, Timestamp {
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

    /** Whether a publish on {@code topic} triggers this rule (MQTT filter semantics: {@code +} and {@code #}). */
    public boolean matches(String topic) {
        String[] filter = topicFilter.split("/", -1);
        String[] levels = topic.split("/", -1);
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

    /** The event the rule's action receives for this publish. */
    public String event(String topic, String clientId, byte[] payload, long receivedAtMillis) {
        ObjectNode event = JSON.createObjectNode();
        String[] levels = topic.split("/", -1);
        for (Column column : columns) {
            Field field = column.field();
            if (field instanceof Encoded) {
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
