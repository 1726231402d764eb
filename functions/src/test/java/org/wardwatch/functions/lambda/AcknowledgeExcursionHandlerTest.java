package org.wardwatch.functions.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.service.MotoTelemetry;
import org.wardwatch.functions.service.TelemetryResult;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Who acknowledged an excursion, and what they did, is kept in the excursion log; once, and only in this tenant. */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(AcknowledgeExcursionHandlerTest.Acknowledge.class)
class AcknowledgeExcursionHandlerTest {

    public static class Acknowledge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "acknowledge-excursion");
        }
    }

    private final TestTenant tenant = TestTenant.get();

    private void excursion(String thing, String start, String tenantId) {
        tenant.dynamo.putItem(b -> b.tableName(TestTenant.READINGS).item(Map.of(
                "pk", AttributeValue.fromS("D#" + thing), "sk", AttributeValue.fromS("X#" + start),
                "tenantId", AttributeValue.fromS(tenantId), "start", AttributeValue.fromS(start),
                "maxSeverity", AttributeValue.fromS("CRITICAL"), "alertSent", AttributeValue.fromBool(true))));
    }

    private static ValidatableResponse acknowledge(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post().then();
    }

    @Test
    void acknowledgement_isRecordedOnce_withWhoAndWhatWasDone() {
        excursion("ack-fridge", "2026-11-24T09:00:00.000Z", TestTenant.ID);

        acknowledge("{\"device\":\"ack-fridge\",\"start\":\"2026-11-24T09:00:00Z\",\"by\":\"pharmacist-0042\","
                + "\"note\":\"stock labelled Do Not Use; manufacturer called\"}")
                .statusCode(200).body("acknowledgedBy", equalTo("pharmacist-0042"));
        acknowledge("{\"device\":\"ack-fridge\",\"start\":\"2026-11-24T09:00:00Z\",\"by\":\"someone-else\"}")
                .statusCode(500).body("errorType", containsString("ExcursionAlreadyAcknowledged"));

        Map<String, AttributeValue> item = tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS).key(Map.of(
                "pk", AttributeValue.fromS("D#ack-fridge"),
                "sk", AttributeValue.fromS("X#2026-11-24T09:00:00.000Z")))).item();
        assertThat(item.get("acknowledgedBy").s()).isEqualTo("pharmacist-0042");
        assertThat(item.get("actionsTaken").s()).isEqualTo("stock labelled Do Not Use; manufacturer called");
        assertThat(item).containsKey("acknowledgedAt");
    }

    @Test
    void anotherTenantsExcursion_orABadRequest_isRefused() {
        excursion("ack-foreign-fridge", "2026-11-24T10:00:00.000Z", "other-hospital");

        acknowledge("{\"device\":\"ack-foreign-fridge\",\"start\":\"2026-11-24T10:00:00Z\",\"by\":\"pharmacist-0042\"}")
                .statusCode(500).body("errorType", containsString("NoSuchExcursion"));
        acknowledge("{\"device\":\"ack-fridge\",\"start\":\"yesterday\",\"by\":\"pharmacist-0042\"}")
                .statusCode(500).body("errorType", containsString("InvalidAcknowledgement"));
        acknowledge("{\"device\":\"ack-fridge\",\"start\":\"2026-11-24T09:00:00Z\",\"by\":\"Jane Smith, RN\"}")
                .statusCode(500).body("errorType", containsString("InvalidAcknowledgement"));
    }

    /** A fridge's message through the telemetry service, as its topic rule would deliver it. */
    private static TelemetryResult fridgeReports(MotoTelemetry moto, String thing, String messageId, String deviceTime,
                                                 double celsius) {
        return moto.service().process(MotoTelemetry.envelope(thing), Telemetry.payload(messageId, deviceTime,
                Telemetry.reading("storage_temperature", celsius, "Cel")).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Staff acknowledge an excursion while it is still open; the readings after it (the WARNING at 15 minutes
     * among them) and its end rewrite the excursion's log entry, and must keep who acknowledged it and what they did.
     */
    @Test
    void acknowledgementWhileOpen_survivesLaterReadingsAndTheEnd_andASecondOneIsRefused() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            tenant.registerStorageSensor("ack-open-fridge", "Pharmacy", "vaccine_fridge");
            fridgeReports(moto, "ack-open-fridge", "ao-1", "2026-11-24T12:00:00Z", 5.0);
            fridgeReports(moto, "ack-open-fridge", "ao-2", "2026-11-24T12:05:00Z", 9.0);
            fridgeReports(moto, "ack-open-fridge", "ao-3", "2026-11-24T12:10:00Z", 9.4);

            acknowledge("{\"device\":\"ack-open-fridge\",\"start\":\"2026-11-24T12:05:00Z\",\"by\":\"pharmacist-0042\","
                    + "\"note\":\"stock moved to the spare fridge\"}")
                    .statusCode(200).body("acknowledgedBy", equalTo("pharmacist-0042"));
            TelemetryResult warning = fridgeReports(moto, "ack-open-fridge", "ao-4", "2026-11-24T12:20:00Z", 9.6);
            fridgeReports(moto, "ack-open-fridge", "ao-5", "2026-11-24T12:25:00Z", 9.1);
            TelemetryResult end = fridgeReports(moto, "ack-open-fridge", "ao-6", "2026-11-24T12:30:00Z", 6.0);
            ValidatableResponse second = acknowledge("{\"device\":\"ack-open-fridge\","
                    + "\"start\":\"2026-11-24T12:05:00Z\",\"by\":\"nurse-0007\"}");

            assertThat(warning.notifications()).as("the excursion's WARNING at 15 minutes").isEqualTo(1);
            assertThat(end.notifications()).as("its RESOLVED").isEqualTo(1);
            second.statusCode(500).body("errorType", containsString("ExcursionAlreadyAcknowledged"))
                    .body("errorMessage", containsString("already acknowledged by pharmacist-0042"));
            Map<String, AttributeValue> item = tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS).key(Map.of(
                    "pk", AttributeValue.fromS("D#ack-open-fridge"),
                    "sk", AttributeValue.fromS("X#2026-11-24T12:05:00.000Z")))).item();
            assertThat(item.get("acknowledgedBy").s()).isEqualTo("pharmacist-0042");
            assertThat(item.get("actionsTaken").s()).isEqualTo("stock moved to the spare fridge");
            assertThat(item).containsKey("acknowledgedAt");
            assertThat(item.get("end").s()).as("the end was still written").isEqualTo("2026-11-24T12:30:00.000Z");
            assertThat(item.get("maxTemperature").n()).isEqualTo("9.6");
            assertThat(item.get("maxSeverity").s()).isEqualTo("WARNING");
        }
    }
}
