package org.wardwatch.telemetry.lambda;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
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
                .statusCode(500).body("errorType", containsString("NoSuchExcursion"));

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
}
