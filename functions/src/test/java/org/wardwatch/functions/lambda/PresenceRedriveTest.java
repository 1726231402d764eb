package org.wardwatch.functions.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The redrive handler replays IoT lifecycle events from both dead-letter queues (the presence rule's error action
 * and the presence function's on-failure destination share them with telemetry) through the presence code.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(PresenceRedriveTest.PresenceRedrive.class)
class PresenceRedriveTest {

    /** The redrive function on dead-letter queues of this test's own. */
    public static class PresenceRedrive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return RedriveHandlerTest.redriveOf("presence-redrive");
        }
    }

    @Inject
    WardwatchConfig config;

    @Test
    void presenceDeadLetters_areRecordedOnce_inEventOrder_andTheirTopicIsChecked() {
        TestTenant tenant = TestTenant.get();
        TestTenant.DeadLetterQueues queues = tenant.deadLetterQueues("presence-redrive");
        assertThat(config.failureQueueUrl()).as("the function reads this test's queues").contains(queues.failures());
        assertThat(config.ruleErrorQueueUrl()).contains(queues.ruleErrors());
        tenant.registerDevice("rr-monitor", "cardiac_monitor", "CCU-2", "1");
        String up = PresenceHandlerTest.connected("rr-monitor", PresenceHandlerTest.T0, "s9", 2);
        String down = PresenceHandlerTest.disconnected("rr-monitor", PresenceHandlerTest.T0.plusSeconds(60), "s9", 2,
                "CONNECTION_LOST");
        String lambdaRecord = "{\"version\":\"1.0\",\"requestContext\":{\"condition\":\"RetriesExhausted\","
                + "\"approximateInvokeCount\":3},\"requestPayload\":" + up + ",\"responsePayload\":"
                + "{\"errorType\":\"ResourceNotFoundException\"}}";
        String ruleRecord = "{\"ruleName\":\"wardwatch_st_elsewhere_presence\","
                + "\"topic\":\"$aws/events/presence/disconnected/rr-monitor\",\"base64OriginalPayload\":\""
                + base64(down) + "\",\"failures\":[{\"failedAction\":\"LambdaAction\"}]}";
        String wrongTopic = ruleRecord.replace("disconnected/rr-monitor", "disconnected/rr-other");
        tenant.sqs.sendMessage(b -> b.queueUrl(queues.failures()).messageBody(lambdaRecord));
        tenant.sqs.sendMessage(b -> b.queueUrl(queues.failures()).messageBody(lambdaRecord));
        tenant.sqs.sendMessage(b -> b.queueUrl(queues.ruleErrors()).messageBody(ruleRecord));
        tenant.sqs.sendMessage(b -> b.queueUrl(queues.ruleErrors()).messageBody(wrongTopic));

        JsonPath result = given().contentType(ContentType.JSON).body("{}").when().post().then().statusCode(200)
                .extract().jsonPath();

        assertThat(result.getMap("presenceOutcomes")).as(result.prettify())
                .isEqualTo(Map.of("RECORDED", 2, "DUPLICATE", 1, "QUARANTINED", 1));
        assertThat(result.getMap("outcomes")).as("nothing went through the telemetry code").isEmpty();
        Map<String, AttributeValue> presence = PresenceHandlerTest.presence(tenant, "rr-monitor");
        assertThat(presence.get("connected").bool()).isFalse();
        assertThat(presence.get("lastDisconnectReason").s()).isEqualTo("CONNECTION_LOST");
        assertThat(PresenceHandlerTest.history(tenant, "rr-monitor")).hasSize(2);
        assertThat(PresenceHandlerTest.quarantined(tenant, "D#rr-monitor", "DEVICE_MISMATCH")).singleElement()
                .satisfies(i -> assertThat(i.get("payload").b().asUtf8String()).isEqualTo(down));
        assertThat(visible(tenant, queues.failures()) + visible(tenant, queues.ruleErrors())).isZero();
    }

    private static int visible(TestTenant tenant, String queue) {
        return Integer.parseInt(tenant.sqs.getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
