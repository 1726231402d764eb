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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoServer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The redrive handler replays both kinds of dead letter, once, and leaves what it cannot read. */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(RedriveHandlerTest.Redrive.class)
class RedriveHandlerTest {

    public static class Redrive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return redriveOf("redrive");
        }
    }

    /** The redrive function reading the dead-letter queues {@code owner}'s own. */
    static Map<String, String> redriveOf(String owner) {
        TestTenant.DeadLetterQueues queues = TestTenant.provision(MotoServer.shared().endpoint())
                .deadLetterQueues(owner);
        return Map.of("quarkus.lambda.handler", "redrive", "wardwatch.failure-queue-url", queues.failures(),
                "wardwatch.rule-error-queue-url", queues.ruleErrors());
    }

    @Inject
    WardwatchConfig config;

    @Test
    void deadLetters_areReplayedOnce_andAnUnreadableOneIsLeftInItsQueue() {
        TestTenant tenant = TestTenant.get();
        TestTenant.DeadLetterQueues queues = tenant.deadLetterQueues("redrive");
        assertThat(config.failureQueueUrl()).as("the function reads this test's queues").contains(queues.failures());
        assertThat(config.ruleErrorQueueUrl()).contains(queues.ruleErrors());
        tenant.registerDevice("rd-oximeter", "pulse_oximeter", "HDU-1", "2");
        String first = Telemetry.payload("rd-1", "2026-11-24T09:00:00Z", Telemetry.reading("spo2", 90, "%"));
        String second = Telemetry.payload("rd-2", "2026-11-24T09:01:00Z", Telemetry.reading("spo2", 97, "%"));
        String event = "{\"payload\":\"" + base64(first) + "\",\"tenantId\":\"" + TestTenant.ID
                + "\",\"thingName\":\"rd-oximeter\",\"clientId\":\"rd-oximeter\",\"receivedAt\":"
                + Telemetry.RECEIVED_AT.toEpochMilli() + "}";
        String lambdaRecord = "{\"version\":\"1.0\",\"requestContext\":{\"condition\":\"RetriesExhausted\","
                + "\"approximateInvokeCount\":3},\"requestPayload\":" + event + ",\"responsePayload\":"
                + "{\"errorType\":\"ResourceNotFoundException\"}}";
        String ruleRecord = "{\"ruleName\":\"wardwatch_st_elsewhere_telemetry\",\"topic\":\"tenants/" + TestTenant.ID
                + "/devices/rd-oximeter/telemetry\",\"clientId\":\"rd-oximeter\",\"base64OriginalPayload\":\""
                + base64(second) + "\",\"failures\":[{\"failedAction\":\"LambdaAction\"}]}";
        tenant.sqs.sendMessage(b -> b.queueUrl(queues.failures()).messageBody(lambdaRecord));
        tenant.sqs.sendMessage(b -> b.queueUrl(queues.failures()).messageBody(lambdaRecord));
        tenant.sqs.sendMessage(b -> b.queueUrl(queues.ruleErrors()).messageBody(ruleRecord));
        tenant.sqs.sendMessage(b -> b.queueUrl(queues.ruleErrors()).messageBody("not a dead letter"));

        JsonPath result = given().contentType(ContentType.JSON).body("{}").when().post().then().statusCode(200)
                .extract().jsonPath();

        assertThat(result.getInt("received")).isEqualTo(4);
        assertThat(result.getInt("redriven")).isEqualTo(3);
        assertThat(result.getInt("unrecognized")).isEqualTo(1);
        assertThat(result.getMap("outcomes")).as(result.prettify()).containsEntry("ACCEPTED", 2).containsEntry("DUPLICATE", 1);
        List<Map<String, AttributeValue>> readings = tenant.dynamo.query(b -> b.tableName(TestTenant.READINGS)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("D#rd-oximeter"),
                        ":r", AttributeValue.fromS("R#")))).items();
        assertThat(readings).extracting(i -> i.get("messageId").s()).containsExactly("rd-1", "rd-2");
        assertThat(StaffInbox.forDevice("rd-oximeter")).extracting(n -> n.attributes().get("transition"))
                .containsExactly("OPENED", "RESOLVED");
        assertThat(waiting(tenant, queues.failures())).isZero();
        assertThat(waiting(tenant, queues.ruleErrors())).isEqualTo(1);
    }

    private static int waiting(TestTenant tenant, String queue) {
        Map<QueueAttributeName, String> attributes = tenant.sqs.getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
