package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.escalation.EscalationPolicy;
import org.wardwatch.model.escalation.EscalationStep;
import org.wardwatch.model.escalation.Tiers;

/**
 * A ward's {@code escalation} (in the {@code wards} block):
 * {@code {"critical": [{"afterMinutes": 3, "tier": 1, "kind": "reminder"}, {"afterMinutes": 5, "tier": 2}],
 * "warning": [{"afterMinutes": 15, "tier": 2}]}}. Each list given replaces the defaults' steps of its severity
 * ({@link EscalationPolicy#defaults()}); a list left out keeps them; an empty list means no escalation of that
 * severity. A step's {@code afterMinutes} is a whole number from 0 to {@value #MAX_AFTER_MINUTES}, not less than the
 * step's before it; {@code tier} 1 to 3; {@code kind} {@code reminder} or {@code unacknowledged}, by default
 * {@code reminder} at tier 1 and {@code unacknowledged} above.
 */
final class EscalationSection {

    static final int MAX_AFTER_MINUTES = 1440;
    static final String STEP_EXAMPLE = "{\"afterMinutes\": 5, \"tier\": 2}";
    private static final String MINUTES_RULE = "a whole number of minutes from 0 to " + MAX_AFTER_MINUTES;
    private static final String TIER_RULE = "1, 2 or 3";

    private EscalationSection() {
    }

    /** The ward's policy, or null if {@code node} is absent or has a problem (then reported). */
    static EscalationPolicy read(JsonNode node, String field, JsonFields fields) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            fields.add(field + ": must be an object such as {\"critical\": [" + STEP_EXAMPLE + "]}");
            return null;
        }
        int before = fields.problems().size();
        fields.allowOnly(node, field + ".", "critical", "warning");
        EscalationPolicy defaults = EscalationPolicy.defaults();
        List<EscalationStep> critical = steps(node.get("critical"), field + ".critical",
                defaults.steps(Severity.CRITICAL), fields);
        List<EscalationStep> warning = steps(node.get("warning"), field + ".warning",
                defaults.steps(Severity.WARNING), fields);
        return fields.problems().size() == before ? new EscalationPolicy(critical, warning) : null;
    }

    private static List<EscalationStep> steps(JsonNode node, String field, List<EscalationStep> defaults,
                                              JsonFields fields) {
        if (node == null) {
            return defaults;
        }
        if (!node.isArray()) {
            fields.add(field + ": must be a list of steps such as " + STEP_EXAMPLE + " (an empty list: none)");
            return List.of();
        }
        List<EscalationStep> steps = new ArrayList<>();
        Integer previous = null;
        for (int i = 0; i < node.size(); i++) {
            String stepField = field + "[" + i + "]";
            JsonNode step = node.get(i);
            if (!step.isObject()) {
                fields.add(stepField + ": must be an object such as " + STEP_EXAMPLE);
                continue;
            }
            fields.allowOnly(step, stepField + ".", "afterMinutes", "tier", "kind");
            Integer after = required(step, stepField, "afterMinutes", 0, MAX_AFTER_MINUTES, MINUTES_RULE, fields);
            Integer tier = required(step, stepField, "tier", Tiers.FIRST, Tiers.LAST, TIER_RULE, fields);
            EscalationStep.Kind kind = kind(step.get("kind"), stepField + ".kind", tier, fields);
            if (after != null && previous != null && after < previous) {
                fields.add(stepField + ".afterMinutes: " + after + " is less than the step before's " + previous
                        + " (steps are listed in the order of their delays)");
            }
            if (after != null) {
                previous = after;
            }
            if (after != null && tier != null && kind != null) {
                steps.add(new EscalationStep(Duration.ofMinutes(after), tier, kind));
            }
        }
        return steps;
    }

    private static Integer required(JsonNode step, String stepField, String name, int min, int max, String rule,
                                    JsonFields fields) {
        if (!step.has(name)) {
            fields.add(stepField + "." + name + ": is required (" + rule + ")");
            return null;
        }
        return fields.optionalWholeNumber(step, stepField + ".", name, min, max, rule);
    }

    /** A kind as the tenant file writes it: {@code reminder}, {@code unacknowledged}. */
    static String code(EscalationStep.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The kind named, else the tier's default: a reminder at tier 1 (paged already), unacknowledged above. */
    private static EscalationStep.Kind kind(JsonNode node, String field, Integer tier, JsonFields fields) {
        if (node == null) {
            return tier != null && tier == Tiers.FIRST ? EscalationStep.Kind.REMINDER
                    : EscalationStep.Kind.UNACKNOWLEDGED;
        }
        for (EscalationStep.Kind kind : EscalationStep.Kind.values()) {
            if (node.isTextual() && code(kind).equals(node.asText())) {
                return kind;
            }
        }
        fields.add(field + ": must be reminder or unacknowledged");
        return null;
    }
}
