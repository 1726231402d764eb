package org.wardwatch.functions.lambda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduled escalation check's event: its time is the check's instant, and one the check cannot run at is
 * refused with one coded line (the check's sending is tested with the service, EscalationService's tests).
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(EscalationHandlerTest.EscalationFunction.class)
class EscalationHandlerTest {

    public static class EscalationFunction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "escalation");
        }
    }

    private static io.restassured.response.ValidatableResponse scheduled(String time) {
        return given().contentType(ContentType.JSON)
                .body("{\"version\":\"0\",\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\","
                        + "\"time\":\"" + time + "\",\"detail\":{}}")
                .when().post().then().statusCode(200);
    }

    @Test
    void anEventAnHourAfterTheClock_isRefused_inOneLine() {
        scheduled(Instant.now().plusSeconds(3600).toString())
                .body("error", equalTo("INVALID_REQUEST"))
                .body("message", containsString("more than a minute after the clock"))
                .body("message", not(containsString("\n")));
    }

    @Test
    void anEventWhoseTimeIsNotAnInstant_isRefused_inOneLine() {
        scheduled("20 November, 10:05")
                .body("error", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("the event's time must be an ISO-8601 UTC time such as 2026-11-20T10:05:00Z"));
    }
}
