package org.wardwatch.functions.lambda;

import static org.wardwatch.functions.lambda.RequestFields.shortened;
import static org.wardwatch.functions.lambda.RequestFields.text;

import org.wardwatch.functions.lambda.RequestFields.InvalidRequestException;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.tenant.PatientOverrides;

/**
 * A request to the {@code admission} handler, checked field by field: each action takes its own fields (required
 * and optional), and anything else is refused with one line naming the field. Values are never repeated in a
 * refusal: they may be patient data.
 */
record AdmissionRequest(Action action, String ward, String bed, String toWard, String toBed, String patientRef,
                        Integer spo2Scale, String by, String reason, Map<Metric, List<ThresholdBand>> overrides,
                        Instant time, String consciousness, Boolean oxygen) {

    /** What the request asks, with the fields it requires and those it may have besides {@code action}. */
    enum Action {
        ADMIT("admit", Set.of("ward", "bed", "patientRef"), Set.of("spo2Scale", "by", "reason", "overrides", "time")),
        DISCHARGE("discharge", Set.of("ward", "bed"), Set.of("by", "time")),
        TRANSFER("transfer", Set.of("ward", "bed", "toWard", "toBed"), Set.of("by", "time")),
        SET_SPO2_SCALE("setSpo2Scale", Set.of("ward", "bed", "spo2Scale", "by"), Set.of("reason", "time")),
        SET_OVERRIDES("setOverrides", Set.of("ward", "bed", "overrides", "by", "reason"), Set.of("time")),
        CURRENT("current", Set.of("ward", "bed"), Set.of()),
        OBSERVE("observe", Set.of("ward", "bed", "by"), Set.of("consciousness", "oxygen", "time"));

        final String wireName;
        final Set<String> required;
        final Set<String> optional;

        Action(String wireName, Set<String> required, Set<String> optional) {
            this.wireName = wireName;
            this.required = required;
            this.optional = optional;
        }

        static String names() {
            return String.join(", ", java.util.Arrays.stream(values()).map(a -> a.wireName).toList());
        }
    }

    /** Threshold overrides that are not bands in the tenant configuration's format. */
    static final class InvalidOverridesException extends RuntimeException {
        InvalidOverridesException(String message) {
            super(message);
        }
    }

    /** @param now the time of a request without {@code time} */
    static AdmissionRequest read(JsonNode request, Instant now) {
        if (request == null || !request.isObject()) {
            throw new InvalidRequestException("the request must be a JSON object with action (" + Action.names() + ")");
        }
        String actionName = text(request, "action");
        Action action = java.util.Arrays.stream(Action.values()).filter(a -> a.wireName.equals(actionName))
                .findFirst().orElseThrow(() -> new InvalidRequestException(
                        "action must be one of " + Action.names()));
        for (Iterator<String> it = request.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("action") && !action.required.contains(field) && !action.optional.contains(field)) {
                throw new InvalidRequestException("unknown field " + shortened(field) + " for " + action.wireName
                        + " (allowed: " + String.join(", ", sorted(action)) + ")");
            }
        }
        for (String field : sorted(action)) {
            if (action.required.contains(field) && (!request.has(field) || request.get(field).isNull())) {
                throw new InvalidRequestException(action.wireName + " needs " + field);
            }
        }
        return new AdmissionRequest(action, text(request, "ward"), text(request, "bed"), text(request, "toWard"),
                text(request, "toBed"), text(request, "patientRef"), scale(request), text(request, "by"),
                text(request, "reason"), overrides(request), RequestFields.time(request, now, "2026-11-20T10:00:00Z"), text(request, "consciousness"),
                oxygen(request));
    }

    private static List<String> sorted(Action action) {
        return java.util.stream.Stream.concat(action.required.stream(), action.optional.stream()).sorted().toList();
    }

    private static Integer scale(JsonNode request) {
        JsonNode node = request.get("spo2Scale");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidRequestException("spo2Scale must be 1 or 2");
        }
        return node.asInt();
    }

    private static Boolean oxygen(JsonNode request) {
        JsonNode node = request.get("oxygen");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new InvalidRequestException("oxygen must be true (on supplemental oxygen) or false (on air)");
        }
        return node.asBoolean();
    }

    private static Map<Metric, List<ThresholdBand>> overrides(JsonNode request) {
        try {
            return PatientOverrides.parse(request.get("overrides"));
        } catch (IllegalArgumentException e) {
            throw new InvalidOverridesException(e.getMessage());
        }
    }
}
