package org.wardwatch.functions.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the two kinds of dead letter back into the event they came from: Lambda's on-failure destination record
 * (the original event is its {@code requestPayload}), and a topic rule's error action message (the published bytes
 * base64-encoded, with topic and client id; IoT Core gives no timestamp, so the time the message was sent to the
 * queue stands in for {@code receivedAt}). Both queues take the telemetry rule's and function's failures and the
 * presence rule's and function's: an IoT lifecycle event is told apart by its topic
 * ({@code $aws/events/presence/...}) or, in a Lambda record, by an {@code eventType} and no {@code payload}.
 */
final class DeadLetter {

    static final String PRESENCE_TOPIC_PREFIX = "$aws/events/presence/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a dead letter replays. */
    sealed interface Replay {

        /** A telemetry rule event, for the telemetry code. */
        record Telemetry(TelemetryEvent event) implements Replay {
        }

        /**
         * An IoT lifecycle event as the presence function receives it.
         *
         * @param topic the topic it was published on, when the dead letter names it, else null
         */
        record Presence(byte[] event, String topic) implements Replay {
        }
    }

    private DeadLetter() {
    }

    static Optional<Replay> read(JsonNode record, long sentAtMillis) {
        JsonNode original = record.get("requestPayload");
        if (original != null && original.isObject()) {
            if (original.get("payload") == null && original.get("eventType") != null) {
                try {
                    return Optional.of(new Replay.Presence(JSON.writeValueAsBytes(original), null));
                } catch (JsonProcessingException e) {
                    return Optional.empty();
                }
            }
            TelemetryEvent event = new TelemetryEvent();
            event.payload = text(original, "payload");
            event.tenantId = text(original, "tenantId");
            event.thingName = text(original, "thingName");
            event.clientId = text(original, "clientId");
            event.receivedAt = original.path("receivedAt").isNumber() ? original.get("receivedAt").asLong() : null;
            return Optional.of(new Replay.Telemetry(event));
        }
        JsonNode payload = record.get("base64OriginalPayload");
        JsonNode topic = record.get("topic");
        if (payload != null && payload.isTextual() && topic != null && topic.isTextual()) {
            if (topic.asText().startsWith(PRESENCE_TOPIC_PREFIX)) {
                return Optional.of(new Replay.Presence(presenceBytes(payload.asText()), topic.asText()));
            }
            String[] levels = topic.asText().split("/", -1);
            TelemetryEvent event = new TelemetryEvent();
            event.payload = payload.asText();
            event.tenantId = levels.length > 1 ? levels[1] : null;
            event.thingName = levels.length > 3 ? levels[3] : null;
            event.clientId = text(record, "clientId");
            event.receivedAt = sentAtMillis;
            return Optional.of(new Replay.Telemetry(event));
        }
        return Optional.empty();
    }

    /** The event's bytes; text that is not base64 is passed on as it is, to be quarantined as what it is. */
    private static byte[] presenceBytes(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return base64.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
