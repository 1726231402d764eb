package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.wardwatch.model.device.InvalidNameException;
import org.wardwatch.model.escalation.EscalationPolicy;

/**
 * The {@code wards} block: ward name to what the tenant says of that ward, its vitals policy and its escalation
 * ({@link EscalationSection}), e.g. {@code {"W5": {"vitals": "news2", "escalation": {"warning": []}}}}. A ward
 * named without {@code vitals}, and every ward not named, is {@link VitalsPolicy#THRESHOLDS}; a ward without
 * {@code escalation} has {@link EscalationPolicy#defaults()}. Ward names follow the rule of
 * {@code contacts[].wards}.
 */
final class WardsSection {

    static final String WARD_RULE = "a ward name of 1-64 letters, digits, ' ', '.', '_', '-'";

    private WardsSection() {
    }

    /**
     * What the block says of the wards, each map sorted by ward.
     *
     * @param vitals     every ward named, with its vitals policy
     * @param escalation the wards that name an escalation, with it
     */
    record Wards(Map<String, VitalsPolicy> vitals, Map<String, EscalationPolicy> escalation) {
    }

    static Wards read(JsonNode node, JsonFields fields) {
        Map<String, VitalsPolicy> wards = new TreeMap<>();
        Map<String, EscalationPolicy> escalations = new TreeMap<>();
        if (node == null) {
            return new Wards(wards, escalations);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String ward = entry.getKey();
            String field = "wards." + InvalidNameException.printable(ward);
            if (!WardName.valid(ward)) {
                fields.add(field + ": must be " + WARD_RULE);
                continue;
            }
            if (!entry.getValue().isObject()) {
                fields.add(field + ": must be an object such as {\"vitals\": \"news2\"}");
                continue;
            }
            JsonNode settings = entry.getValue();
            fields.allowOnly(settings, field + ".", "vitals", "escalation");
            VitalsPolicy policy = vitals(settings.get("vitals"), field + ".vitals", fields);
            if (policy != null) {
                wards.put(ward, policy);
            }
            EscalationPolicy escalation = EscalationSection.read(settings.get("escalation"), field + ".escalation",
                    fields);
            if (escalation != null) {
                escalations.put(ward, escalation);
            }
        }
        return new Wards(wards, escalations);
    }

    private static VitalsPolicy vitals(JsonNode node, String field, JsonFields fields) {
        if (node == null) {
            return VitalsPolicy.THRESHOLDS;
        }
        VitalsPolicy policy = node.isTextual() ? VitalsPolicy.ofCode(node.asText()).orElse(null) : null;
        if (policy == null) {
            fields.add(field + ": must be thresholds or news2");
        }
        return policy;
    }
}
