package org.wardwatch.functions.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acknowledge handler's requests: every field is checked, and a request it cannot read is refused with one
 * line, code INVALID_REQUEST, that names the field and never repeats its value. (Acknowledging itself is tested
 * with the service.)
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(AcknowledgeHandlerTest.AcknowledgeFunction.class)
class AcknowledgeHandlerTest {

    public static class AcknowledgeFunction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "acknowledge");
        }
    }

    private static JsonPath invoke(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post().then().statusCode(200)
                .extract().jsonPath();
    }

    private static final String BED = "\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\",\"by\":\"nurse-0017\"";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not an object              | [1]                                                                    | must be a JSON object
            a string                   | "ICU-3"                                                                | must be a JSON object
            an unknown field           | {BED,"patientRef":"p-SECRET"}                                          | unknown field patientRef
            nobody                     | {"ward":"ICU-3","bed":"12","type":"THRESHOLD"}                         | by must be a staff identifier
            by not an identifier       | {"ward":"ICU-3","bed":"12","type":"THRESHOLD","by":"Ann SECRET"}       | by must be a staff identifier
            by not a string            | {"ward":"ICU-3","bed":"12","type":"THRESHOLD","by":17}                 | by must be a string
            a blank note               | {BED,"note":" "}                                                       | note must be 1-500 characters
            a note not a string        | {BED,"note":["SECRET"]}                                                | note must be a string
            a time that is not one     | {BED,"time":"SECRET 10:06"}                                            | time must be an ISO-8601 UTC time
            no ward                    | {"bed":"12","type":"THRESHOLD","by":"nurse-0017"}                      | named by ward
            no type                    | {"ward":"ICU-3","bed":"12","by":"nurse-0017"}                          | named by ward
            an unknown type            | {"ward":"ICU-3","bed":"12","type":"SECRET","by":"nurse-0017"}          | type must be one of THRESHOLD, NEWS2, ENVIRONMENT, COLD_CHAIN, DEVICE
            no place                   | {"ward":"ICU-3","type":"THRESHOLD","by":"nurse-0017"}                  | exactly one of bed, room or device
            two places                 | {BED,"room":"3"}                                                       | exactly one of bed, room or device
            a room for a bed's alert   | {"ward":"ICU-3","room":"3","type":"NEWS2","by":"nurse-0017"}           | NEWS2 alerts are found by bed, not room
            a bed for a device alert   | {"ward":"ICU-3","bed":"12","type":"DEVICE","by":"nurse-0017"}          | DEVICE alerts are found by device, not bed
            a bed for a room's alert   | {"ward":"ICU-3","bed":"12","type":"ENVIRONMENT","by":"nurse-0017"}     | ENVIRONMENT alerts are found by room, not bed
            a device not a thing name  | {"ward":"Pharmacy","device":"fridge SECRET","type":"COLD_CHAIN","by":"pharmacist-0042"} | device must be a thing name
            a ward with a separator    | {"ward":"ICU-3#SECRET","bed":"12","type":"THRESHOLD","by":"nurse-0017"} | ward must be 1-64 of
            a bed not a string         | {"ward":"ICU-3","bed":12,"type":"THRESHOLD","by":"nurse-0017"}         | bed must be a string
            a bed that is null         | {"ward":"ICU-3","bed":null,"type":"THRESHOLD","by":"nurse-0017"}       | bed must be a string
            a room too long            | {"ward":"ICU-3","room":"R1234567890123456789012345678901234567890123456789012345678901234SECRET","type":"ENVIRONMENT","by":"nurse-0017"} | room must be 1-64 of
            a metric not a code        | {BED,"metric":"SpO2 SECRET"}                                           | metric must be a metric or condition code
            an id and a place          | {"alertId":"7KQ2M9X","ward":"ICU-3","by":"nurse-0017"}                 | alertId names the alert: ward goes without it
            an id and a type           | {"alertId":"7KQ2M9X","type":"THRESHOLD","by":"nurse-0017"}             | alertId names the alert: type goes without it
            an id that is not one      | {"alertId":"SECRET-1","by":"nurse-0017"}                               | alertId must be an alert's id
            an id without anyone       | {"alertId":"7KQ2M9X"}                                                  | by must be a staff identifier
            """)
    void aBadRequest_isRefusedInOneLine_namingTheField_neverItsValue(String what, String body, String message) {
        JsonPath answer = invoke(body.replace("{BED", "{" + BED));

        assertThat(answer.getString("error")).as(what).isEqualTo("INVALID_REQUEST");
        assertThat(answer.getString("message")).as(what).contains(message).doesNotContain("\n")
                .doesNotContain("SECRET");
        assertThat(answer.getMap("$")).as(what).containsOnlyKeys("error", "message");
    }

    /** Both forms pass the checks and reach the acknowledgement itself (whatever it answers for these alerts). */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"ward\":\"ICU-3\",\"bed\":\"12\",\"type\":\"THRESHOLD\",\"metric\":\"spo2\",\"by\":\"nurse-0017\","
                    + "\"note\":\"repositioned the probe\",\"time\":\"2026-11-20T10:06:00Z\"}",
            "{\"ward\":\"ICU-3\",\"room\":\"3\",\"type\":\"ENVIRONMENT\",\"by\":\"nurse-0017\"}",
            "{\"ward\":\"Pharmacy\",\"device\":\"pharmacy-fridge-2\",\"type\":\"COLD_CHAIN\",\"by\":\"pharmacist-0042\"}",
            "{\"alertId\":\"7kq2m9x\",\"by\":\"nurse-0017\",\"time\":\"2026-11-20T10:06:00Z\"}"})
    void aWellFormedRequest_isNotRefusedAsInvalid(String body) {
        assertThat(invoke(body).getString("error")).isNotEqualTo("INVALID_REQUEST");
    }
}
