package org.wardwatch.functions.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The admission handler's requests and answers, on the emulator: an answer is JSON, an error one coded line. */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(AdmissionHandlerTest.AdmissionFunction.class)
class AdmissionHandlerTest {

    public static class AdmissionFunction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "admission");
        }
    }

    private final String ward = "HDL-" + UUID.randomUUID().toString().substring(0, 8);

    private static ValidatableResponse invoke(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post().then().statusCode(200);
    }

    private String at(String bed) {
        return "\"ward\":\"" + ward + "\",\"bed\":\"" + bed + "\"";
    }

    private static String patient() {
        return "adm-" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    @Test
    void admit_answersWithTheAdmission_andItsSettings() {
        String patient = patient();

        invoke("{\"action\":\"admit\"," + at("15") + ",\"patientRef\":\"" + patient + "\",\"spo2Scale\":2,"
                + "\"by\":\"dr-0012\",\"reason\":\"hypercapnic COPD\",\"overrides\":{\"body_temperature\":"
                + "[{\"min\":38.5,\"severity\":\"WARNING\"}]},\"time\":\"2026-11-20T10:00:00Z\"}")
                .body("admission.ward", equalTo(ward)).body("admission.bed", equalTo("15"))
                .body("admission.patientRef", equalTo(patient))
                .body("admission.admittedAt", equalTo("2026-11-20T10:00:00Z"))
                .body("admission.spo2Scale", equalTo(2)).body("admission.spo2ScaleBy", equalTo("dr-0012"))
                .body("admission.spo2ScaleAt", equalTo("2026-11-20T10:00:00Z"))
                .body("admission.overrides.body_temperature[0].min", equalTo(38.5f))
                .body("resolvedAlerts", empty());
        invoke("{\"action\":\"current\"," + at("15") + "}").body("admission.patientRef", equalTo(patient));
        invoke("{\"action\":\"current\"," + at("16") + "}").body("admission", nullValue());
    }

    @Test
    void transfer_setSpo2Scale_setOverrides_andDischarge_eachAnswerWithTheAdmission() {
        String patient = patient();
        invoke("{\"action\":\"admit\"," + at("15") + ",\"patientRef\":\"" + patient + "\"}")
                .body("admission.spo2Scale", equalTo(1));

        invoke("{\"action\":\"transfer\"," + at("15") + ",\"toWard\":\"" + ward + "\",\"toBed\":\"16\","
                + "\"by\":\"nurse-0007\",\"time\":\"2026-11-20T11:00:00Z\"}")
                .body("admission.bed", equalTo("16")).body("admission.admittedAt", equalTo("2026-11-20T11:00:00Z"))
                .body("resolvedAlerts", empty());
        invoke("{\"action\":\"setSpo2Scale\"," + at("16") + ",\"spo2Scale\":2,\"by\":\"dr-0012\","
                + "\"reason\":\"CO2 retainer\"}").body("admission.spo2Scale", equalTo(2));
        invoke("{\"action\":\"setOverrides\"," + at("16") + ",\"overrides\":{},\"by\":\"dr-0012\","
                + "\"reason\":\"back to the ward's bands\"}").body("admission.overrides.size()", equalTo(0));
        invoke("{\"action\":\"discharge\"," + at("16") + ",\"by\":\"nurse-0007\"}")
                .body("admission.patientRef", equalTo(patient)).body("resolvedAlerts", empty());

        var history = TestTenant.get().dynamo.query(b -> b.tableName(TestTenant.READINGS)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :h)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("B#" + ward + "#16"),
                        ":h", AttributeValue.fromS("A#H#")))).items();
        assertThat(history).extracting(i -> i.get("action").s())
                .containsExactlyInAnyOrder("TRANSFERRED_IN", "SPO2_SCALE_CHANGED", "OVERRIDES_CHANGED", "DISCHARGED");
    }

    @Test
    void refusals_areACodeAndOneLine_neverTheValueNorAStackTrace() {
        String patient = patient();
        invoke("{\"action\":\"admit\"," + at("15") + ",\"patientRef\":\"" + patient + "\"}");

        invoke("{\"action\":\"admit\"," + at("15") + ",\"patientRef\":\"" + patient() + "\"}")
                .body("error", equalTo("BED_OCCUPIED"))
                .body("message", equalTo(ward + " bed 15 holds an admission already: discharge or transfer that "
                        + "patient first"))
                .body("stackTrace", nullValue());
        invoke("{\"action\":\"admit\"," + at("17") + ",\"patientRef\":\"Jane Smith\"}")
                .body("error", equalTo("INVALID_PATIENT_REF"))
                .body("message", not(containsString("Jane")));
        invoke("{\"action\":\"discharge\"," + at("18") + "}").body("error", equalTo("BED_EMPTY"));
        invoke("{\"action\":\"admit\"," + at("17") + ",\"patientRef\":\"" + patient() + "\",\"spo2Scale\":2}")
                .body("error", equalTo("PRESCRIBER_REQUIRED"));
        invoke("{\"action\":\"admit\"," + at("17") + ",\"patientRef\":\"" + patient() + "\",\"by\":\"dr-1\","
                + "\"reason\":\"r\",\"overrides\":{\"spo2\":[{\"max\":91.5,\"severity\":\"CRITICAL\"}]}}")
                .body("error", equalTo("INVALID_OVERRIDES"))
                .body("message", containsString("overrides.spo2[0].max"));
    }

    @Test
    void malformedRequests_areRefusedNamingTheField() {
        invoke("{\"action\":\"admit\"," + at("15") + "}")
                .body("error", equalTo("INVALID_REQUEST")).body("message", equalTo("admit needs patientRef"));
        invoke("{\"action\":\"evict\"," + at("15") + "}")
                .body("error", equalTo("INVALID_REQUEST")).body("message", containsString("action must be one of admit"));
        invoke("{\"action\":\"discharge\"," + at("15") + ",\"patientName\":\"Jane\"}")
                .body("error", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("unknown field patientName for discharge (allowed: bed, by, time, ward)"));
        invoke("{\"action\":\"discharge\"," + at("15") + ",\"time\":\"yesterday\"}")
                .body("error", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("time must be an ISO-8601 UTC time such as 2026-11-20T10:00:00Z"));
        invoke("{\"action\":\"setSpo2Scale\"," + at("15") + ",\"spo2Scale\":\"2\",\"by\":\"dr-0012\"}")
                .body("error", equalTo("INVALID_REQUEST")).body("message", equalTo("spo2Scale must be 1 or 2"));
        invoke("[1,2]").body("error", equalTo("INVALID_REQUEST"));
    }

    private static String onNews2Ward(String bed) {
        return "\"ward\":\"" + TestTenant.NEWS2_WARD + "\",\"bed\":\"" + bed + "\"";
    }

    @Test
    void observe_onAWardThatScoresNews2_answersWithTheObservationsAndTheBedsScore() {
        String bed = "obs-" + UUID.randomUUID().toString().substring(0, 8);

        invoke("{\"action\":\"observe\"," + onNews2Ward(bed) + ",\"consciousness\":\"A\",\"oxygen\":true,"
                + "\"by\":\"nurse-0017\",\"time\":\"2026-11-20T10:00:00Z\"}")
                .body("observations.consciousness", equalTo("A"))
                .body("observations.consciousnessAt", equalTo("2026-11-20T10:00:00Z"))
                .body("observations.oxygen", equalTo(true)).body("observations.oxygenBy", equalTo("nurse-0017"))
                .body("news2.score", equalTo(2)).body("news2.partial", equalTo(true))
                .body("news2.missing", org.hamcrest.Matchers.hasItems("respiration_rate", "spo2", "temperature"))
                .body("alert", nullValue());
        invoke("{\"action\":\"observe\"," + onNews2Ward(bed) + ",\"consciousness\":\"V\","
                + "\"by\":\"nurse-0021\",\"time\":\"2026-11-20T10:05:00Z\"}")
                .body("observations.consciousness", equalTo("V")).body("observations.consciousnessBy", equalTo("nurse-0021"))
                .body("observations.oxygen", equalTo(true)).body("observations.oxygenBy", equalTo("nurse-0017"))
                .body("news2.score", equalTo(5))
                .body("alert.transition", equalTo("OPENED")).body("alert.severity", equalTo("WARNING"));
    }

    @Test
    void observe_onAWardOnThresholds_recordsTheObservationAndScoresNothing() {
        invoke("{\"action\":\"observe\"," + at("30") + ",\"oxygen\":false,\"by\":\"nurse-0017\"}")
                .body("observations.oxygen", equalTo(false)).body("news2", nullValue());
    }

    @Test
    void observe_refusesWhatIsNotAnObservation_withOneCodedLine() {
        invoke("{\"action\":\"observe\"," + at("31") + ",\"by\":\"nurse-0017\"}")
                .body("error", equalTo("INVALID_OBSERVATION"))
                .body("message", equalTo("an observation needs consciousness (A, C, V, P or U) or oxygen (true or false)"));
        invoke("{\"action\":\"observe\"," + at("31") + ",\"consciousness\":\"X\",\"by\":\"nurse-0017\"}")
                .body("error", equalTo("INVALID_OBSERVATION"))
                .body("message", equalTo("consciousness must be one of A, C, V, P, U (ACVPU)"));
        invoke("{\"action\":\"observe\"," + at("31") + ",\"oxygen\":\"yes\",\"by\":\"nurse-0017\"}")
                .body("error", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("oxygen must be true (on supplemental oxygen) or false (on air)"));
        invoke("{\"action\":\"observe\"," + at("31") + ",\"oxygen\":true}")
                .body("error", equalTo("INVALID_REQUEST")).body("message", equalTo("observe needs by"));
        invoke("{\"action\":\"observe\"," + at("31") + ",\"oxygen\":true,\"by\":\"nurse 17\"}")
                .body("error", equalTo("INVALID_STAFF_ID"));
    }
}
