package org.wardwatch.localstack.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS IoT Core policy document, evaluated as IoT Core evaluates it for the data plane: an action on a
 * resource is allowed when some Allow statement matches and no Deny statement does. Actions and resources
 * match with {@code *} and {@code ?} wildcards; policy variables such as
 * {@code ${iot:Connection.Thing.ThingName}} are replaced by the connection's values, taken literally (a value
 * containing {@code *} or {@code +} matches only itself), and a statement whose variable has no value matches
 * nothing. A statement with {@code Condition}, {@code NotAction} or {@code NotResource} is refused at parse: read
 * without them, a conditional Allow would become unconditional.
 */
public final class IotPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
    /** Statement elements IoT Core evaluates and this class does not: dropping one would widen an Allow. */
    private static final List<String> UNEVALUATED = List.of("Condition", "NotAction", "NotResource", "NotPrincipal");

    private record Statement(boolean allow, List<String> actions, List<String> resources) {
    }

    private final List<Statement> statements;

    private IotPolicy(List<Statement> statements) {
        this.statements = statements;
    }

    public static IotPolicy parse(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw new IllegalArgumentException("policy document is not JSON", e);
        }
        JsonNode list = root.get("Statement");
        if (list == null) {
            throw new IllegalArgumentException("policy document has no Statement");
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode s : list.isArray() ? list : JSON.createArrayNode().add(list)) {
            String effect = s.path("Effect").asText();
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw new IllegalArgumentException("statement Effect must be Allow or Deny");
            }
            for (String unsupported : UNEVALUATED) {
                if (s.has(unsupported)) {
                    throw new IllegalArgumentException("a statement uses " + unsupported
                            + ", which the local broker does not evaluate: the policy is refused rather than read"
                            + " without it");
                }
            }
            statements.add(new Statement(effect.equals("Allow"), strings(s.get("Action")), strings(s.get("Resource"))));
        }
        return new IotPolicy(statements);
    }

    /** Whether any of {@code policies} allows {@code action} on {@code resource} and none denies it. */
    public static boolean allows(List<IotPolicy> policies, String action, String resource, Map<String, String> variables) {
        boolean allowed = false;
        for (IotPolicy policy : policies) {
            for (Statement statement : policy.statements) {
                if (matchesAny(statement.actions(), action, Map.of(), Pattern.CASE_INSENSITIVE)
                        && matchesAny(statement.resources(), resource, variables, 0)) {
                    if (!statement.allow()) {
                        return false;
                    }
                    allowed = true;
                }
            }
        }
        return allowed;
    }

    /** Action names match case-insensitively, as IAM's do; resources exactly. */
    private static boolean matchesAny(List<String> patterns, String value, Map<String, String> variables, int flags) {
        for (String pattern : patterns) {
            Pattern regex = compile(pattern, variables, flags);
            if (regex != null && regex.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The pattern as a regex, or null when it uses a variable without a value. */
    static Pattern compile(String pattern, Map<String, String> variables, int flags) {
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(wildcards(pattern.substring(last, m.start())));
            String value = variables.get(m.group(1));
            if (value == null) {
                return null;
            }
            regex.append(Pattern.quote(value));
            last = m.end();
        }
        regex.append(wildcards(pattern.substring(last)));
        // DOTALL: '*' and '?' match any character, line breaks included, or a Deny could be stepped around.
        return Pattern.compile(regex.toString(), Pattern.DOTALL | flags);
    }

    private static String wildcards(String literal) {
        StringBuilder out = new StringBuilder();
        StringBuilder run = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!run.isEmpty()) {
                    out.append(Pattern.quote(run.toString()));
                    run.setLength(0);
                }
                out.append(c == '*' ? ".*" : ".");
            } else {
                run.append(c);
            }
        }
        if (!run.isEmpty()) {
            out.append(Pattern.quote(run.toString()));
        }
        return out.toString();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
