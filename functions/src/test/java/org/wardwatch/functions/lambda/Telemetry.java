package org.wardwatch.functions.lambda;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the events the tenant's topic rule sends and invokes the function through Quarkus' mock event server. */
public final class Telemetry {

    private Telemetry() {
    }

    /** A schema v1 payload; {@code readings} is the JSON array's content. */
    public static String payload(String messageId, String deviceTime, String readings) {
        return "{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"" + messageId + "\",\"deviceTime\":\""
                + deviceTime + "\",\"readings\":[" + readings + "],\"battery\":0.8}";
    }

    public static String reading(String metric, Object value, String unit) {
        return "{\"metric\":\"" + metric + "\",\"value\":" + value + ",\"unit\":\"" + unit + "\"}";
    }

    /** When IoT Core received the test messages: fixed, after every device time the tests use. */
    public static final Instant RECEIVED_AT = Instant.parse("2026-11-25T23:00:00Z");

    /** The rule's event for bytes published by {@code thing} on its own topic. */
    public static Map<String, Object> event(String thing, byte[] payload) {
        return event(TestTenant.ID, thing, thing, payload, RECEIVED_AT);
    }

    public static Map<String, Object> event(String tenant, String thing, String clientId, byte[] payload,
                                            Instant receivedAt) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("payload", Base64.getEncoder().encodeToString(payload));
        event.put("tenantId", tenant);
        event.put("thingName", thing);
        event.put("clientId", clientId);
        event.put("receivedAt", receivedAt.toEpochMilli());
        return event;
    }

    public static ValidatableResponse invoke(Object event) {
        return given().contentType(ContentType.JSON).body(event).when().post().then();
    }

    /** Publishes {@code payload} as {@code thing} and expects the function to succeed. */
    public static ValidatableResponse send(String thing, String payload) {
        return invoke(event(thing, payload.getBytes(StandardCharsets.UTF_8))).statusCode(200);
    }
}
