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
import org.junit.jupiter.api.Test;
import org.wardwatch.devicecerts.DeviceKind;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.devicecerts.TenantId;
import org.wardwatch.devicecerts.ThingName;
import org.wardwatch.emulator.ProjectRoot;
import org.wardwatch.localstack.ward.DeviceConnection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Nothing lost, nothing doubled, through real faults: the emulator unreachable, the function crashing on one
 * message, the emulator so slow the function times out. Every published message ends stored, quarantined, a
 * counted duplicate, or dead-lettered; once the fault is fixed, the redrive handler empties the dead-letter queues
 * and no alert reaches staff twice.
 */
class FaultToleranceTest {

    private static LocalStack stack;

    @BeforeAll
    static void startAStackWithFaultInjection() {
        Path root = ProjectRoot.find();
        stack = LocalStack.start(new LocalStack.Options(root, root.resolve("local-stack/tenant.json"),
                root.resolve("local-stack/runner/target/fault-test"), 2,
                List.of(Duration.ofMillis(100), Duration.ofMillis(100)), System.err, true, Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static byte[] spo2(String messageId, String time, int value) {
        return ("{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"" + messageId + "\",\"deviceTime\":\""
                + "2026-11-24T" + time + ":00Z\",\"readings\":[{\"metric\":\"spo2\",\"value\":" + value
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
        try (DeviceConnection device = stack.connect(credentials)) {
            publish(device, thing, spo2("ok-1", "08:00", 97));
            publish(device, thing, "not json".getBytes(StandardCharsets.UTF_8));

            stack.faults().down();
            publish(device, thing, spo2("down-1", "08:05", 88));
            publish(device, thing, spo2("down-2", "08:06", 92));
            stack.faults().pass();

            stack.functions().crashOn(event -> event.contains(java.util.Base64.getEncoder()
                    .encodeToString(spo2("crash-1", "08:07", 85))));
            publish(device, thing, spo2("crash-1", "08:07", 85));
            stack.functions().crashOn(event -> false);

            stack.faults().slow(4000);
            publish(device, thing, spo2("slow-1", "08:08", 97));
            stack.faults().pass();

            publish(device, thing, spo2("ok-1", "08:00", 97));
        }

        long published = stats.published.get();
        long stored = stats.messages.get() - stats.messagesRejected.get() - stats.duplicates.get();
        assertThat(published).isEqualTo(7);
        assertThat(stats.deadLetters.get()).isEqualTo(4);
        assertThat(stack.deadLetters()).isEqualTo(4);
        assertThat(stored + stats.messagesRejected.get() + stats.duplicates.get() + stats.deadLetters.get())
                .as("published = stored + quarantined + duplicates + dead-lettered").isEqualTo(published);
        assertThat(stats.messagesRejected.get()).isEqualTo(1);
        assertThat(stats.duplicates.get()).isEqualTo(1);
        assertThat(stack.functions().restarts()).as("crashed and timed-out instances replaced").isGreaterThanOrEqualTo(6);

        JsonNode redrive = stack.redrive();

        assertThat(redrive.get("redriven").asInt()).isEqualTo(4);
        assertThat(redrive.path("outcomes").path("ACCEPTED").asInt()).isEqualTo(4);
        assertThat(stack.deadLetters()).as("dead letters after redrive").isZero();
        assertThat(readingMessageIds(thing)).containsExactlyInAnyOrder("ok-1", "down-1", "down-2", "crash-1", "slow-1");
        List<String> alerts = stack.drainStaffInbox().stream().map(LocalStack.StaffMessage::document)
                .filter(d -> d.path("device").asText().equals(thing))
                .map(d -> d.path("alertId").asText() + " " + d.path("transition").asText()).toList();
        assertThat(alerts).as("alerts staff received").isNotEmpty().doesNotHaveDuplicates();
        // SpO2 88, 92, 85, 97 replayed in device-time order: one episode, each change paged once.
        assertThat(alerts.stream().map(a -> a.substring(a.indexOf(' ') + 1)).toList())
                .containsExactly("OPENED", "DOWNGRADED", "ESCALATED", "RESOLVED");

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
