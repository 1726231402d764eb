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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.emulator.ProjectRoot;
import org.wardwatch.localstack.tenant.TenantRule;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tenant stack's second topic rule, the presence rule ({@code SELECT * FROM '$aws/events/presence/+/+'}), end to
 * end: the broker's lifecycle events reach the presence function, which records the device's connection; events it
 * fails on (the emulator unreachable) are dead-lettered to the telemetry function's on-failure queue, and the redrive
 * handler records them once the fault is gone. The device accounting counts the telemetry rule only.
 */
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

    /** Each test counts and redrives its own dead letters only. */
    @BeforeEach
    void noDeadLettersFromAnotherTest() throws InterruptedException {
        DeadLetterQueues.empty(stack);
    }

    private static LocalStack.Credentials declare(String thing, String bed) {
        return stack.declare(new DeviceSpec(TenantId.of(stack.tenant().tenantId()), ThingName.of(thing),
                DeviceKind.PULSE_OXIMETER, "ICU-3", bed, null));
    }

    /**
     * Waits until the presence rule has matched {@code count} more events than {@code before} and the pipeline is
     * idle. The presence function only gets this class's devices' events, each test's after the previous test's
     * have all been delivered (each test waits for its own).
     */
    private static void awaitLifecycleEvents(Counts before, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (stack.stats().presence().delivered.get() < before.delivered + count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stack.stats().presence().delivered.get() - before.delivered).isEqualTo(count);
        assertThat(stack.rules().awaitIdle(60, TimeUnit.SECONDS)).isTrue();
    }

    /** The counters a test compares against when it ends: what it produced is the difference. */
    private record Counts(long delivered, long deadLettered, long published, long messages, long readingsStored,
                          long telemetryDeadLetters, Map<String, Long> outcomes) {

        static Counts now() {
            PipelineStats stats = stack.stats();
            return new Counts(stats.presence().delivered.get(), stats.presence().deadLettered.get(),
                    stats.published.get(), stats.messages.get(), stats.readingsStored.get(), stats.deadLetters.get(),
                    Map.copyOf(stats.presence().outcomes()));
        }

        /** Outcomes of the presence function since these counts, without those that did not change. */
        Map<String, Long> newOutcomes() {
            Map<String, Long> since = new java.util.TreeMap<>();
            stack.stats().presence().outcomes().forEach((outcome, n) -> {
                long more = n - outcomes.getOrDefault(outcome, 0L);
                if (more != 0) {
                    since.put(outcome, more);
                }
            });
            return since;
        }
    }

    private static Map<String, AttributeValue> presence(String thing) {
        return stack.dynamo().getItem(b -> b.tableName(stack.tenant().readingsTable()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("D#" + thing), "sk", AttributeValue.fromS("P#presence"))))
                .item();
    }

    @Test
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
    void aDevicesSession_isRecordedByThePresenceFunction_andOnlyItsReadingIsInTheDeviceAccounting() throws Exception {
        LocalStack.Credentials device = declare("multi-icu3-bed1-spo2", "1");
        Counts before = Counts.now();
        byte[] reading = ("{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"m-1\",\"deviceTime\":\""
                + Instant.now() + "\",\"readings\":[{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        try (DeviceConnection connection = stack.connect(device)) {
            assertThat(connection.publish(stack.tenant().telemetryTopic(device.thing()), reading)
                    .get(15, TimeUnit.SECONDS)).isTrue();
        }

        awaitLifecycleEvents(before, 2);

        PipelineStats stats = stack.stats();
        assertThat(stats.published.get() - before.published).as("telemetry messages").isEqualTo(1);
        assertThat(stats.messages.get() - before.messages).isEqualTo(1);
        assertThat(stats.readingsStored.get() - before.readingsStored).isEqualTo(1);
        // connected, then disconnected of the same session: each newer than what was recorded
        assertThat(before.newOutcomes()).isEqualTo(Map.of("RECORDED", 2L));
        assertThat(stats.presence().deadLettered.get() - before.deadLettered).isZero();
        assertThat(stack.deadLetters()).isZero();
        assertThat(stats.events()).containsOnlyKeys("presence");
        Map<String, AttributeValue> presence = presence(device.thing());
        assertThat(presence.get("connected").bool()).isFalse();
        assertThat(presence.get("lastDisconnectReason").s()).isEqualTo("CLIENT_INITIATED_DISCONNECT");
        assertThat(presence.get("lastDisconnectClientInitiated").bool()).isTrue();
    }

    @Test
    void lifecycleEventsTheFunctionFailsOn_areDeadLettered_andRecordedByTheRedrive() throws Exception {
        LocalStack.Credentials device = declare("multi-icu3-bed2-spo2", "2");
        Counts before = Counts.now();
        stack.faults().down();
        try {
            stack.connect(device).close();
            awaitLifecycleEvents(before, 2);
        } finally {
            stack.faults().pass();
        }

        PipelineStats stats = stack.stats();
        assertThat(stats.presence().deadLettered.get() - before.deadLettered).isEqualTo(2);
        assertThat(before.newOutcomes()).isEmpty();
        assertThat(stats.deadLetters.get() - before.telemetryDeadLetters).as("telemetry dead letters").isZero();
        assertThat(stats.published.get() - before.published).isZero();
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
