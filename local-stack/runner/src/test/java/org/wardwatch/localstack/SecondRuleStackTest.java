package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.wardwatch.devicecerts.DeviceKind;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.devicecerts.TenantId;
import org.wardwatch.devicecerts.ThingName;
import org.wardwatch.emulator.ProjectRoot;
import org.wardwatch.localstack.tenant.TenantRule;
import org.wardwatch.localstack.ward.DeviceConnection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tenant stack's second topic rule, the presence rule ({@code SELECT * FROM '$aws/events/presence/+/+'}), end to
 * end: the broker's lifecycle events reach the presence function, which records the device's connection; events it
 * fails on (the emulator unreachable) are dead-lettered to the telemetry function's on-failure queue, and the redrive
 * handler records them once the fault is gone. The device accounting counts the telemetry rule only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondRuleStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;
    private static String presenceFunction;

    @BeforeAll
    static void startTheTenantStack() {
        Path root = ProjectRoot.find();
        stack = LocalStack.start(new LocalStack.Options(root, root.resolve("local-stack/tenant.json"),
                root.resolve("local-stack/runner/target/second-rule-test"), 1,
                List.of(Duration.ofMillis(100), Duration.ofMillis(100)), System.err, true, null));
        presenceFunction = stack.tenant().ruleFor("presence").orElseThrow().target().functionName();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static LocalStack.Credentials declare(String thing, String bed) {
        return stack.declare(new DeviceSpec(TenantId.of(stack.tenant().tenantId()), ThingName.of(thing),
                DeviceKind.PULSE_OXIMETER, "ICU-3", bed, null));
    }

    /** Waits until the presence rule has matched {@code count} events and the pipeline is idle. */
    private static void awaitLifecycleEvents(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (stack.stats().presence().delivered.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stack.stats().presence().delivered.get()).isEqualTo(count);
        assertThat(stack.rules().awaitIdle(60, TimeUnit.SECONDS)).isTrue();
    }

    private static Map<String, AttributeValue> presence(String thing) {
        return stack.dynamo().getItem(b -> b.tableName(stack.tenant().readingsTable()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("D#" + thing), "sk", AttributeValue.fromS("P#presence"))))
                .item();
    }

    @Test
    @Order(1)
    void bothRulesAreRun_eachWithItsOwnFunction() {
        assertThat(stack.tenant().rules()).extracting(TenantRule::name)
                .containsExactlyInAnyOrder("wardwatch_demo_hospital_telemetry", "wardwatch_demo_hospital_presence");
        assertThat(stack.tenant().ruleFor("presence").orElseThrow().sql())
                .isEqualTo("SELECT * FROM '$aws/events/presence/+/+'");
        assertThat(presenceFunction).isEqualTo("wardwatch-demo-hospital-presence");
        assertThat(stack.functions(presenceFunction).name()).isEqualTo(presenceFunction);
        assertThat(stack.functions().name()).isEqualTo(stack.tenant().functionName());
    }

    @Test
    @Order(2)
    void aDevicesSession_isRecordedByThePresenceFunction_andOnlyItsReadingIsInTheDeviceAccounting() throws Exception {
        LocalStack.Credentials device = declare("multi-icu3-bed1-spo2", "1");
        byte[] reading = ("{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"m-1\",\"deviceTime\":\""
                + Instant.now() + "\",\"readings\":[{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        try (DeviceConnection connection = stack.connect(device)) {
            assertThat(connection.publish(stack.tenant().telemetryTopic(device.thing()), reading)
                    .get(15, TimeUnit.SECONDS)).isTrue();
        }

        awaitLifecycleEvents(2);

        PipelineStats stats = stack.stats();
        assertThat(stats.published.get()).as("telemetry messages").isEqualTo(1);
        assertThat(stats.messages.get()).isEqualTo(1);
        assertThat(stats.readingsStored.get()).isEqualTo(1);
        // connected, then disconnected of the same session: each newer than what was recorded
        assertThat(stats.presence().outcomes()).isEqualTo(Map.of("RECORDED", 2L));
        assertThat(stats.presence().deadLettered.get()).isZero();
        assertThat(stack.deadLetters()).isZero();
        assertThat(stats.events()).containsOnlyKeys("presence");
        Map<String, AttributeValue> presence = presence(device.thing());
        assertThat(presence.get("connected").bool()).isFalse();
        assertThat(presence.get("lastDisconnectReason").s()).isEqualTo("CLIENT_INITIATED_DISCONNECT");
        assertThat(presence.get("lastDisconnectClientInitiated").bool()).isTrue();
    }

    @Test
    @Order(3)
    void lifecycleEventsTheFunctionFailsOn_areDeadLettered_andRecordedByTheRedrive() throws Exception {
        LocalStack.Credentials device = declare("multi-icu3-bed2-spo2", "2");
        stack.faults().down();
        try {
            stack.connect(device).close();
            awaitLifecycleEvents(4);
        } finally {
            stack.faults().pass();
        }

        PipelineStats stats = stack.stats();
        assertThat(stats.presence().deadLettered.get()).isEqualTo(2);
        assertThat(stats.presence().outcomes()).isEqualTo(Map.of("RECORDED", 2L));
        assertThat(stats.deadLetters.get()).as("telemetry dead letters").isZero();
        assertThat(stats.published.get()).isEqualTo(1);
        List<JsonNode> records = stack.onFailureRecords().stream().map(SecondRuleStackTest::json).toList();
        assertThat(records).allSatisfy(record -> {
            assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
            assertThat(record.at("/requestContext/functionArn").asText()).contains(presenceFunction);
            assertThat(record.at("/requestPayload/clientId").asText()).isEqualTo(device.thing());
        });
        assertThat(records).extracting(r -> r.at("/requestPayload/eventType").asText())
                .containsExactlyInAnyOrder("connected", "disconnected");
        assertThat(presence(device.thing())).isEmpty();

        JsonNode redrive = stack.redrive();

        // in whichever order the queue gives them back: the disconnect is newer, the connect then stale
        assertThat(redrive.get("redriven").asInt()).isEqualTo(2);
        assertThat(redrive.path("outcomes").size()).as("nothing went through the telemetry code").isZero();
        JsonNode outcomes = redrive.path("presenceOutcomes");
        assertThat(outcomes.path("RECORDED").asInt() + outcomes.path("STALE").asInt()).isEqualTo(2);
        assertThat(outcomes.path("RECORDED").asInt()).isPositive();
        assertThat(stack.deadLetters()).isZero();
        Map<String, AttributeValue> presence = presence(device.thing());
        assertThat(presence.get("connected").bool()).isFalse();
        assertThat(presence.get("lastDisconnectReason").s()).isEqualTo("CLIENT_INITIATED_DISCONNECT");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: an on-failure record", e);
        }
    }
}
