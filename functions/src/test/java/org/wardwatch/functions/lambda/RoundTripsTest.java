package org.wardwatch.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.wardwatch.functions.lambda.Telemetry.payload;
import static org.wardwatch.functions.lambda.Telemetry.reading;
import static org.wardwatch.functions.lambda.Telemetry.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How many AWS calls each kind of message costs, through the real handler against the emulator: a regression test
 * of the round trips per message (docs/performance.md, section 3), never a timing. The counts are upper bounds by
 * operation; each test also checks that the message had its effect, so a call that goes missing cannot pass for an
 * improvement. Every device has reported once before the counted message unless the test says otherwise, as in
 * steady operation. {@code GetItem(devices)} is the registry lookup, which the tests do not cache.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
class RoundTripsTest {

    private final TestTenant tenant = TestTenant.get();

    @Test
    void rejectedMessage_isOneQuarantineWrite() {
        tenant.registerDevice("rt-rejected", "pulse_oximeter", "ICU-8", "1");

        Map<String, Integer> calls = count(() -> Telemetry.invoke(Telemetry.event("rt-rejected",
                "{\"schema\":\"wardwatch.reading.v1\",\"readings\":[".getBytes(StandardCharsets.UTF_8)))
                .statusCode(200).body("outcome", equalTo("REJECTED")));

        assertAtMost(calls, Map.of("BatchWriteItem", 1));
    }

    @Test
    void redeliveredMessage_isOneRead() {
        tenant.registerDevice("rt-duplicate", "pulse_oximeter", "ICU-8", "2");
        String message = payload("rtd-1", "2026-11-25T07:00:00Z", reading("spo2", 97, "%"));
        send("rt-duplicate", message);

        Map<String, Integer> calls = count(() -> send("rt-duplicate", message).body("outcome", equalTo("DUPLICATE")));

        assertAtMost(calls, Map.of("GetItem(devices)", 1, "BatchGetItem", 1));
    }

    @Test
    void oneReading_withoutAlert() {
        tenant.registerDevice("rt-thermometer", "thermometer", "ICU-8", "3");
        send("rt-thermometer", payload("rtt-1", "2026-11-25T07:00:00Z", reading("body_temperature", 37.0, "Cel")));

        Map<String, Integer> calls = count(() -> send("rt-thermometer", payload("rtt-2", "2026-11-25T07:01:00Z",
                reading("body_temperature", 37.1, "Cel"))).body("readingsStored", equalTo(1)));

        assertAtMost(calls, Map.of("GetItem(devices)", 1, "BatchGetItem", 1, "BatchWriteItem", 1, "PutItem", 2));
    }

    @Test
    void twoReadings_withoutAlert() {
        tenant.registerDevice("rt-oximeter", "pulse_oximeter", "ICU-8", "4");
        send("rt-oximeter", payload("rto-1", "2026-11-25T07:00:00Z", spo2AndHeartRate(97)));

        Map<String, Integer> calls = count(() -> send("rt-oximeter", payload("rto-2", "2026-11-25T07:01:00Z",
                spo2AndHeartRate(96))).body("readingsStored", equalTo(2)));

        assertAtMost(calls, Map.of("GetItem(devices)", 1, "BatchGetItem", 1, "BatchWriteItem", 1, "PutItem", 3));
    }

    @Test
    void twoReadings_oneOpeningAnAlert() {
        tenant.registerDevice("rt-alerting", "pulse_oximeter", "ICU-8", "5");
        send("rt-alerting", payload("rta-1", "2026-11-25T07:00:00Z", spo2AndHeartRate(97)));

        Map<String, Integer> calls = count(() -> send("rt-alerting", payload("rta-2", "2026-11-25T07:01:00Z",
                spo2AndHeartRate(88))).body("notifications", equalTo(1)));

        assertThat(StaffInbox.forDevice("rt-alerting")).singleElement()
                .satisfies(n -> assertThat(n.attributes()).containsEntry("transition", "OPENED"));
        // PutItem: the marker, and the alert's record (AL#<alertId>) written before it is published
        assertAtMost(calls, Map.of("GetItem(devices)", 1, "BatchGetItem", 1, "BatchWriteItem", 2,
                "TransactWriteItems", 1, "PutItem", 2, "Publish", 1));
    }

    @Test
    void fridgeDuringAnExcursion_writesItsLogWithTheTemperaturesState() {
        tenant.registerStorageSensor("rt-fridge", "Pharmacy", "vaccine_fridge");
        send("rt-fridge", payload("rtf-1", "2026-11-25T07:00:00Z", fridge(5.0)));

        Map<String, Integer> calls = count(() -> send("rt-fridge", payload("rtf-2", "2026-11-25T07:05:00Z",
                fridge(9.0))).body("notifications", equalTo(0)));

        assertThat(tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS).key(Map.of(
                "pk", s("D#rt-fridge"), "sk", s("X#2026-11-25T07:05:00.000Z")))).item()).containsKey("maxTemperature");
        assertAtMost(calls, Map.of("GetItem(devices)", 1, "BatchGetItem", 1, "BatchWriteItem", 1,
                "TransactWriteItems", 1, "UpdateItem", 1, "PutItem", 1));
    }

    @Test
    void firstMessageOfADevice_createsItsStates() {
        tenant.registerDevice("rt-new", "pulse_oximeter", "ICU-8", "6");

        Map<String, Integer> calls = count(() -> send("rt-new", payload("rtn-1", "2026-11-25T07:00:00Z",
                spo2AndHeartRate(97))).body("readingsStored", equalTo(2)));

        assertThat(tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS).key(Map.of(
                "pk", s("D#rt-new"), "sk", s("H#battery")))).item()).containsKey("version");
        // a bed parameter's state per reading, the battery's and the signal's first states, the marker, and the
        // bed the device now feeds (recorded after the alerts, so a fourth round trip on a device's first message)
        assertAtMost(calls, Map.of("GetItem(devices)", 1, "BatchGetItem", 1, "BatchWriteItem", 1, "PutItem", 6));
    }

    @Test
    void twoReadingsAtABedOfANews2Ward_withoutAlert_addOneWriteOfTheBedsNews2() {
        tenant.registerDevice("rt-news2", "pulse_oximeter", TestTenant.NEWS2_WARD, "rt-1");
        send("rt-news2", payload("rtn-1", "2026-11-25T07:00:00Z", spo2AndHeartRate(97)));

        Map<String, Integer> calls = count(() -> send("rt-news2", payload("rtn-2", "2026-11-25T07:01:00Z",
                spo2AndHeartRate(96))).body("readingsStored", equalTo(2)).body("notifications", equalTo(0)));

        // the two-reading message's calls, and N#news2 after its parameters (functions/README.md, "Round trips")
        assertAtMost(calls, Map.of("GetItem(devices)", 1, "BatchGetItem", 1, "BatchWriteItem", 1, "PutItem", 4));
        assertThat(tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS).consistentRead(true).key(Map.of(
                "pk", s("B#" + TestTenant.NEWS2_WARD + "#rt-1"), "sk", s("N#news2")))).item())
                .containsEntry("total", AttributeValue.fromN("0"));
    }

    private static String spo2AndHeartRate(int spo2) {
        return reading("spo2", spo2, "%") + "," + reading("heart_rate", 72, "/min");
    }

    private static String fridge(double celsius) {
        return reading("storage_temperature", celsius, "Cel") + ",{\"metric\":\"door_open\",\"value\":false}";
    }

    private static Map<String, Integer> count(Supplier<ValidatableResponse> invocation) {
        Map<String, Integer> calls = AwsCalls.during(invocation).calls();
        System.out.println("AWS calls: " + calls);
        return calls;
    }

    /** No operation called more often than {@code bound} allows, and none it does not list. */
    private static void assertAtMost(Map<String, Integer> calls, Map<String, Integer> bound) {
        assertThat(calls).as("the counter saw the invocation").isNotEmpty();
        assertThat(bound).as("operations called").containsKeys(calls.keySet().toArray(String[]::new));
        calls.forEach((operation, n) -> assertThat(n).as(operation + " calls of " + calls)
                .isLessThanOrEqualTo(bound.get(operation)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
