package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.emulator.ProjectRoot;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Nothing lost, nothing doubled, through real faults: the emulator unreachable, the function crashing on one
 * message, the emulator hanging until the function times out. Each fault lasts until the test ends it, so what it
 * produces does not depend on how fast this machine is: every attempt at a message fails, and each message ends
 * dead-lettered after exactly its designed attempts. Every published message ends stored, quarantined, a
 * counted duplicate, or dead-lettered; once the fault is fixed, the redrive handler empties the dead-letter queues
 * and no alert reaches staff twice.
 */
class FaultToleranceTest {

    /**
     * Twice the 3 s this test once used, so that a healthy invocation on a loaded machine does not overrun it; a hung
     * one always does, however long it is. (An attempt while the emulator is down may end either way: the function's
     * SDK retries up to 9 times with random backoff first. Either way that attempt fails.)
     */
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(6);
    private static LocalStack stack;

    @BeforeAll
    static void startAStackWithFaultInjection() {
        Path root = ProjectRoot.find();
        stack = LocalStack.start(new LocalStack.Options(root, root.resolve("local-stack/tenant.json"),
                root.resolve("local-stack/runner/target/fault-test"), 2,
                List.of(Duration.ofMillis(100), Duration.ofMillis(100)), System.err, true, FUNCTION_TIMEOUT));
    }

    @BeforeEach
    void noDeadLettersFromAnotherTest() throws InterruptedException {
        DeadLetterQueues.empty(stack);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * Device times are minutes after a start ten minutes ago ({@code "08:05"} is five minutes after it), as a device
     * reporting now would send: a reading more than an hour old when received would change no alert.
     */
    private static final java.time.Instant START = java.time.Instant.now()
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(600);

    private static byte[] spo2(String messageId, String time, int value) {
        java.time.Instant deviceTime = START.plusSeconds(60L * Integer.parseInt(time.substring(3)));
        return ("{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"" + messageId + "\",\"deviceTime\":\""
                + deviceTime + "\",\"readings\":[{\"metric\":\"spo2\",\"value\":" + value
                + ",\"unit\":\"%\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static void publish(DeviceConnection device, String thing, byte[] payload) throws Exception {
        assertThat(device.publish(stack.tenant().telemetryTopic(thing), payload).get(15, TimeUnit.SECONDS)).isTrue();
        assertThat(stack.rules().awaitIdle(120, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void faults_loseNothing_andAfterRedriveNothingIsDeadLettered_orAlertedTwice() throws Exception {
        String thing = "fault-icu-bed1-spo2";
        LocalStack.Credentials credentials = stack.declare(new DeviceSpec(TenantId.of(stack.tenant().tenantId()),
                ThingName.of(thing), DeviceKind.PULSE_OXIMETER, "ICU-3", "1", null));
        PipelineStats stats = stack.stats();
        long publishedBefore = stats.published.get();
        long messagesBefore = stats.messages.get();
        long rejectedBefore = stats.messagesRejected.get();
        long duplicatesBefore = stats.duplicates.get();
        long deadBefore = stats.deadLetters.get();
        int crashRestarts;
        int hangRestarts;
        try (DeviceConnection device = stack.connect(credentials)) {
            publish(device, thing, spo2("ok-1", "08:00", 97));
            publish(device, thing, "not json".getBytes(StandardCharsets.UTF_8));

            stack.faults().down();
            publish(device, thing, spo2("down-1", "08:05", 88));
            publish(device, thing, spo2("down-2", "08:06", 92));
            stack.faults().pass();

            int before = stack.functions().restarts();
            stack.functions().crashOn(event -> event.contains(java.util.Base64.getEncoder()
                    .encodeToString(spo2("crash-1", "08:07", 85))));
            publish(device, thing, spo2("crash-1", "08:07", 85));
            stack.functions().crashOn(event -> false);
            crashRestarts = stack.functions().restarts() - before;

            before = stack.functions().restarts();
            stack.faults().hang();
            try {
                publish(device, thing, spo2("hung-1", "08:08", 97));
            } finally {
                stack.faults().pass();
            }
            hangRestarts = stack.functions().restarts() - before;

            publish(device, thing, spo2("ok-1", "08:00", 97));
        }

        long published = stats.published.get() - publishedBefore;
        long rejected = stats.messagesRejected.get() - rejectedBefore;
        long duplicates = stats.duplicates.get() - duplicatesBefore;
        long dead = stats.deadLetters.get() - deadBefore;
        long stored = stats.messages.get() - messagesBefore - rejected - duplicates;
        assertThat(published).isEqualTo(7);
        assertThat(dead).as("down-1, down-2, crash-1, hung-1").isEqualTo(4);
        assertThat(stack.deadLetters()).isEqualTo(4);
        assertThat(stored + rejected + duplicates + dead)
                .as("published = stored + quarantined + duplicates + dead-lettered").isEqualTo(published);
        assertThat(rejected).isEqualTo(1);
        assertThat(duplicates).isEqualTo(1);
        // three attempts at each message (the first and two retries), each attempt's instance replaced
        assertThat(crashRestarts).as("instances replaced after crashing on crash-1").isEqualTo(3);
        assertThat(hangRestarts).as("instances replaced after timing out on hung-1").isEqualTo(3);

        JsonNode redrive = stack.redrive();

        assertThat(redrive.get("redriven").asInt()).isEqualTo(4);
        assertThat(redrive.path("outcomes").path("ACCEPTED").asInt()).isEqualTo(4);
        assertThat(stack.deadLetters()).as("dead letters after redrive").isZero();
        assertThat(readingMessageIds(thing)).containsExactlyInAnyOrder("ok-1", "down-1", "down-2", "crash-1", "hung-1");
        List<String> alerts = stack.drainStaffInbox().stream().map(LocalStack.StaffMessage::document)
                .filter(d -> d.path("device").asText().equals(thing))
                .map(d -> d.path("alertId").asText() + " " + d.path("transition").asText()).toList();
        assertThat(alerts).as("alerts staff received").isNotEmpty().doesNotHaveDuplicates();
        // SpO2 88, 92, 85, 97 replayed in device-time order, a minute apart, with the default alarm delays: 88 starts a
        // worse run (a CRITICAL waits 15 s), 92 opens the WARNING that run has held, 85 escalates at once (at or
        // below 85), 97 has not yet held the 60 s a resolution needs. One episode, each change paged once.
        assertThat(alerts.stream().map(a -> a.substring(a.indexOf(' ') + 1)).toList())
                .containsExactly("OPENED", "ESCALATED");

        JsonNode again = stack.redrive();
        assertThat(again.get("received").asInt()).isZero();
    }

    private static List<String> readingMessageIds(String thing) {
        return stack.dynamo().query(b -> b.tableName(stack.tenant().readingsTable())
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("D#" + thing),
                                ":r", AttributeValue.fromS("R#")))).items().stream()
                .map(i -> i.get("messageId").s()).toList();
    }
}
