package org.wardwatch.telemetry.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads the two kinds of dead letter back into the rule event they came from: Lambda's on-failure destination
 * record (the original event is its {@code requestPayload}), and the topic rule's error action message (the
 * device's bytes base64-encoded, with topic and client id; IoT Core gives no timestamp, so the time the message
 * was sent to the queue stands in for {@code receivedAt}).
 */
final class DeadLetter {

    private DeadLetter() {
    }

    static Optional<TelemetryEvent> event(JsonNode record, long sentAtMillis) {
        JsonNode original = record.get("requestPayload");
        if (original != null && original.isObject()) {
            TelemetryEvent event = new TelemetryEvent();
            event.payload = text(original, "payload");
            event.tenantId = text(original, "tenantId");
            event.thingName = text(original, "thingName");
            event.clientId = text(original, "clientId");
            event.receivedAt = original.path("receivedAt").isNumber() ? original.get("receivedAt").asLong() : null;
            return Optional.of(event);
        }
        JsonNode payload = record.get("base64OriginalPayload");
        JsonNode topic = record.get("topic");
        if (payload != null && payload.isTextual() && topic != null && topic.isTextual()) {
            String[] levels = topic.asText().split("/", -1);
            TelemetryEvent event = new TelemetryEvent();
            event.payload = payload.asText();
            event.tenantId = levels.length > 1 ? levels[1] : null;
            event.thingName = levels.length > 3 ? levels[3] : null;
            event.clientId = text(record, "clientId");
            event.receivedAt = sentAtMillis;
            return Optional.of(event);
        }
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
