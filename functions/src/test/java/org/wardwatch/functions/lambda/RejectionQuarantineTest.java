package org.wardwatch.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.functions.lambda.Telemetry.payload;
import static org.wardwatch.functions.lambda.Telemetry.reading;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wardwatch.functions.core.RejectionReason;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Every reason code, through the handler against the emulator: quarantined with the original payload, counted. */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
class RejectionQuarantineTest {

    private static final String OXIMETER = "rq-oximeter";
    private static final String FRIDGE = "rq-fridge";
    private static final Set<RejectionReason> EXERCISED = new HashSet<>();

    /** One rejected input: what the rule sends, and the reason the function must give. */
    record Case(String name, RejectionReason reason, String thing, String tenant, String clientId, byte[] payload,
                boolean messageLevel) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String t = "2026-11-25T09:00:00Z";
        String ok = reading("heart_rate", 70, "/min");
        return Stream.of(
                message("rule tenant is another hospital", RejectionReason.TENANT_MISMATCH, OXIMETER, "other-hospital",
                        OXIMETER, payload("a-1", t, ok)),
                message("device registered to another tenant", RejectionReason.TENANT_MISMATCH, "rq-foreign",
                        TestTenant.ID, "rq-foreign", payload("a-2", t, ok)),
                message("client id is not the topic's thing", RejectionReason.DEVICE_MISMATCH, OXIMETER,
                        TestTenant.ID, "rq-intruder", payload("a-3", t, ok)),
                message("payload names another device", RejectionReason.DEVICE_MISMATCH, OXIMETER, TestTenant.ID,
                        OXIMETER, payload("a-4", t, ok).replace("{\"schema\"", "{\"device\":\"rq-fridge\",\"schema\"")),
                message("payload over 128 KB", RejectionReason.PAYLOAD_TOO_LARGE, OXIMETER, TestTenant.ID, OXIMETER,
                        payload("a-5", t, ok).replace("}]", "}],\"pad\":\"" + "x".repeat(131_072) + "\"")),
                message("truncated JSON", RejectionReason.MALFORMED_JSON, OXIMETER, TestTenant.ID, OXIMETER,
                        "{\"schema\":\"wardwatch.reading.v1\",\"messageId\":"),
                message("a field twice", RejectionReason.DUPLICATE_FIELD, OXIMETER, TestTenant.ID, OXIMETER,
                        payload("a-6", t, ok).replace("{\"schema\"", "{\"messageId\":\"x\",\"schema\"")),
                message("an array, not an object", RejectionReason.NOT_AN_OBJECT, OXIMETER, TestTenant.ID, OXIMETER,
                        "[1,2,3]"),
                message("schema v2", RejectionReason.UNSUPPORTED_SCHEMA, OXIMETER, TestTenant.ID, OXIMETER,
                        payload("a-7", t, ok).replace("reading.v1", "reading.v2")),
                message("no messageId", RejectionReason.MISSING_FIELD, OXIMETER, TestTenant.ID, OXIMETER,
                        payload("a-8", t, ok).replace("\"messageId\":\"a-8\",", "")),
                message("messageId with a key separator", RejectionReason.INVALID_FIELD, OXIMETER, TestTenant.ID,
                        OXIMETER, payload("a#9", t, ok)),
                message("deviceTime not ISO-8601", RejectionReason.INVALID_DEVICE_TIME, OXIMETER, TestTenant.ID,
                        OXIMETER, payload("a-10", "yesterday", ok)),
                message("deviceTime 6 minutes after receipt", RejectionReason.DEVICE_TIME_IN_FUTURE, OXIMETER,
                        TestTenant.ID, OXIMETER, payload("a-11", Telemetry.RECEIVED_AT.plusSeconds(360).toString(), ok)),
                message("no readings", RejectionReason.NO_READINGS, OXIMETER, TestTenant.ID, OXIMETER,
                        payload("a-12", t, "")),
                message("33 readings", RejectionReason.TOO_MANY_READINGS, OXIMETER, TestTenant.ID, OXIMETER,
                        payload("a-13", t, IntStream.range(0, 33).mapToObj(i -> ok).collect(Collectors.joining(",")))),
                message("unregistered device", RejectionReason.UNKNOWN_DEVICE, "rq-stranger", TestTenant.ID,
                        "rq-stranger", payload("a-14", t, ok)),
                message("revoked device", RejectionReason.DEVICE_INACTIVE, "rq-revoked", TestTenant.ID, "rq-revoked",
                        payload("a-15", t, ok)),
                readingCase("unknown metric", RejectionReason.UNKNOWN_METRIC, OXIMETER, reading("mood", 3, "1")),
                readingCase("SpO2 as a ratio", RejectionReason.UNIT_NOT_ALLOWED, OXIMETER, reading("spo2", 0.97, "1")),
                readingCase("value as a string", RejectionReason.VALUE_NOT_FINITE_NUMBER, OXIMETER,
                        "{\"metric\":\"spo2\",\"value\":\"97\",\"unit\":\"%\"}"),
                readingCase("value beyond double", RejectionReason.VALUE_NOT_FINITE_NUMBER, OXIMETER,
                        "{\"metric\":\"spo2\",\"value\":1e400,\"unit\":\"%\"}"),
                readingCase("door as a string", RejectionReason.VALUE_NOT_BOOLEAN, FRIDGE,
                        "{\"metric\":\"door_open\",\"value\":\"yes\"}"),
                readingCase("SpO2 above 100", RejectionReason.VALUE_IMPOSSIBLE, OXIMETER, reading("spo2", 101, "%")),
                readingCase("glucose from an oximeter", RejectionReason.METRIC_NOT_ALLOWED_FOR_KIND, OXIMETER,
                        reading("glucose", 90, "mg/dL")),
                readingCase("heart rate twice", RejectionReason.DUPLICATE_METRIC, OXIMETER, ok),
                readingCase("reading without unit", RejectionReason.MISSING_FIELD, OXIMETER,
                        "{\"metric\":\"spo2\",\"value\":97}"),
                readingCase("reading is a number", RejectionReason.INVALID_FIELD, OXIMETER, "42"));
    }

    private static Case message(String name, RejectionReason reason, String thing, String tenant, String clientId,
                                String payload) {
        return new Case(name, reason, thing, tenant, clientId, payload.getBytes(StandardCharsets.UTF_8), true);
    }

    /** A message whose first reading is valid and whose second is rejected for {@code reason}. */
    private static Case readingCase(String name, RejectionReason reason, String thing, String badReading) {
        String good = thing.equals(FRIDGE) ? reading("storage_temperature", 5.0, "Cel") : reading("heart_rate", 70, "/min");
        String body = payload("b-" + name.replace(' ', '-'), "2026-11-25T09:30:00Z", good + "," + badReading);
        return new Case(name, reason, thing, TestTenant.ID, thing, body.getBytes(StandardCharsets.UTF_8), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedInput_isQuarantinedWithItsReasonAndPayload_andCounted(Case c) {
        TestTenant tenant = TestTenant.get();
        registerDevices(tenant);
        int countBefore = countByReason(tenant, c.reason());

        JsonPath result = Telemetry.invoke(Telemetry.event(c.tenant(), c.thing(), c.clientId(), c.payload(),
                Telemetry.RECEIVED_AT)).statusCode(200).extract().jsonPath();

        assertThat(result.getString("outcome")).isEqualTo(c.messageLevel() ? "REJECTED" : "ACCEPTED");
        assertThat(result.getList("reasons", String.class)).containsExactly(c.reason().name());
        if (!c.messageLevel()) {
            assertThat(result.getInt("readingsStored")).isEqualTo(1);
        }
        List<Map<String, AttributeValue>> quarantined = tenant.dynamo.query(b -> b.tableName(TestTenant.QUARANTINE)
                .keyConditionExpression("pk = :pk")
                .filterExpression("reason = :reason AND payloadSha256 = :sha")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("D#" + c.thing()),
                        ":reason", AttributeValue.fromS(c.reason().name()),
                        ":sha", AttributeValue.fromS(sha256(c.payload()))))).items();
        assertThat(quarantined).hasSize(1);
        Map<String, AttributeValue> item = quarantined.get(0);
        byte[] kept = item.get("payload").b().asByteArray();
        assertThat(kept).isEqualTo(Arrays.copyOf(c.payload(), Math.min(c.payload().length, 128 * 1024)));
        assertThat(item.get("payloadBytes").n()).isEqualTo(Integer.toString(c.payload().length));
        assertThat(item.get("level").s()).isEqualTo(c.messageLevel() ? "MESSAGE" : "READING");
        assertThat(item.get("detail").s()).isNotBlank();
        assertThat(countByReason(tenant, c.reason())).isEqualTo(countBefore + 1);
        EXERCISED.add(c.reason());
    }

    @Test
    void eventThatIsNotBase64_isQuarantinedAsInvalidEvent() {
        TestTenant tenant = TestTenant.get();
        Map<String, Object> event = Telemetry.event(OXIMETER, new byte[0]);
        event.put("payload", "%%% not base64 %%%");
        int before = countByReason(tenant, RejectionReason.INVALID_EVENT);

        Telemetry.invoke(event).statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("REJECTED"))
                .body("reasons", org.hamcrest.Matchers.contains("INVALID_EVENT"));

        assertThat(countByReason(tenant, RejectionReason.INVALID_EVENT)).isEqualTo(before + 1);
        EXERCISED.add(RejectionReason.INVALID_EVENT);
    }

    @AfterAll
    static void everyReasonCode_hasATestHere() {
        // UNSUPPORTED_EVENT_TYPE belongs to IoT lifecycle events, which telemetry never sees: PresenceHandlerTest
        assertThat(EXERCISED).as("reason codes exercised by this class")
                .containsExactlyInAnyOrderElementsOf(
                        java.util.EnumSet.complementOf(java.util.EnumSet.of(RejectionReason.UNSUPPORTED_EVENT_TYPE)));
    }

    private static void registerDevices(TestTenant tenant) {
        tenant.registerDevice(OXIMETER, "pulse_oximeter", "ICU-9", "1");
        tenant.registerDevice(FRIDGE, "storage_sensor", "Pharmacy", null);
        tenant.registerDevice("rq-revoked", "pulse_oximeter", "ICU-9", "2", "INACTIVE", TestTenant.ID);
        tenant.registerDevice("rq-foreign", "pulse_oximeter", "ICU-9", "3", "ACTIVE", "other-hospital");
    }

    /** Rejections counted under a reason: the quarantine's byReason index. */
    private static int countByReason(TestTenant tenant, RejectionReason reason) {
        return tenant.dynamo.query(b -> b.tableName(TestTenant.QUARANTINE).indexName("byReason")
                .keyConditionExpression("reason = :r").select(Select.COUNT)
                .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(reason.name())))).count();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
