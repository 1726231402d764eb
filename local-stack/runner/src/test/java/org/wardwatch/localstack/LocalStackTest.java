package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.wardwatch.devicecerts.DeviceIdentity;
import org.wardwatch.devicecerts.DeviceKind;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.devicecerts.KeyType;
import org.wardwatch.devicecerts.StoredDevice;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.devicecerts.TenantId;
import org.wardwatch.devicecerts.ThingName;
import org.wardwatch.devicecerts.Validity;
import org.wardwatch.emulator.ProjectRoot;
import org.wardwatch.localstack.ward.DeviceConnection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The pipeline end to end, against the real broker over real mutual TLS, the emulator and the packaged function:
 * what a device publishes is stored and alerts reach staff; what IoT Core would refuse is refused and stores
 * nothing; what the function fails on ends in the dead-letter queue with its payload.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;

    @BeforeAll
    static void startTheStack() {
        Path root = ProjectRoot.find();
        stack = LocalStack.start(new LocalStack.Options(root, root.resolve("local-stack/tenant.json"),
                root.resolve("local-stack/runner/target/local-stack-test"), 2,
                List.of(Duration.ofMillis(100), Duration.ofMillis(100)), System.err));
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static DeviceSpec oximeter(String thing, String bed) {
        return new DeviceSpec(TenantId.of(stack.tenant().tenantId()), ThingName.of(thing), DeviceKind.PULSE_OXIMETER,
                "ICU-3", bed, null);
    }

    private static byte[] payload(String messageId, double spo2) {
        return ("{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"" + messageId + "\",\"deviceTime\":\""
                + Instant.now() + "\",\"readings\":[{\"metric\":\"spo2\",\"value\":" + spo2 + ",\"unit\":\"%\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<Map<String, AttributeValue>> readingsOf(String thing) {
        return stack.dynamo().query(b -> b.tableName(stack.tenant().readingsTable())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("D#" + thing),
                        ":r", AttributeValue.fromS("R#")))).items();
    }

    private static void awaitPipeline() throws InterruptedException {
        assertThat(stack.rules().awaitIdle(60, TimeUnit.SECONDS)).as("pipeline idle").isTrue();
    }

    @Test
    @Order(1)
    void devicePublishes_readingIsStored_andTheAlertReachesStaff() throws Exception {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-icu3-bed7-spo2", "7"));
        try (DeviceConnection connection = stack.connect(device)) {
            boolean accepted = connection.publish(stack.tenant().telemetryTopic(device.thing()), payload("e2e-1", 88))
                    .get(15, TimeUnit.SECONDS);
            assertThat(accepted).isTrue();
        }
        awaitPipeline();

        assertThat(readingsOf(device.thing())).singleElement()
                .satisfies(item -> assertThat(item.get("value").n()).isEqualTo("88"));
        List<JsonNode> alerts = stack.drainStaffInbox().stream().map(LocalStack.StaffMessage::document)
                .filter(d -> d.path("device").asText().equals(device.thing())).toList();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.get("transition").asText()).isEqualTo("OPENED");
            assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(alert.get("sms").asText()).contains("ICU-3 bed 7");
        });
    }

    @Test
    @Order(2)
    void publishingToAnotherDevicesTopic_isRefused_andNothingIsStored() throws Exception {
        LocalStack.Credentials mallory = stack.declare(oximeter("e2e-mallory", "8"));
        LocalStack.Credentials victim = stack.declare(oximeter("e2e-victim", "9"));
        long publishedBefore = stack.stats().published.get();
        try (DeviceConnection connection = stack.connect(mallory)) {
            Boolean accepted = connection.publish(stack.tenant().telemetryTopic(victim.thing()), payload("e2e-2", 85))
                    .get(15, TimeUnit.SECONDS);
            assertThat(accepted).isFalse();
        }
        awaitPipeline();

        assertThat(readingsOf(victim.thing())).isEmpty();
        assertThat(readingsOf(mallory.thing())).isEmpty();
        assertThat(stack.stats().published.get()).isEqualTo(publishedBefore);
        assertThat(stack.broker().authorization().refusals()).containsKey("publish");
    }

    @Test
    @Order(3)
    void certificateFromAForeignCa_cannotConnect(@org.junit.jupiter.api.io.TempDir Path elsewhere) {
        TenantId other = TenantId.of("other-hospital");
        TenantCa foreign = TenantCa.create(other, KeyType.EC, Validity.days(2));
        TenantFiles foreignFiles = new TenantFiles(elsewhere, other);
        foreignFiles.saveCa(foreign, null);
        // the thing exists in this tenant's registry, but the certificate was not issued by this tenant's CA
        stack.declare(oximeter("e2e-impersonated", "10"));
        StoredDevice forged = foreignFiles.saveDevice(DeviceIdentity.issue(foreign,
                new DeviceSpec(other, ThingName.of("e2e-impersonated"), DeviceKind.PULSE_OXIMETER, "ICU-3", "10", null),
                KeyType.EC, Validity.days(1)));

        assertThatThrownBy(() -> stack.connect(new LocalStack.Credentials("e2e-impersonated", forged.certificateFile(),
                forged.keyFile(), null))).isInstanceOf(DeviceConnection.RefusedException.class);
        assertThat(readingsOf("e2e-impersonated")).isEmpty();
    }

    @Test
    @Order(4)
    void revokedCertificate_isRefusedAtConnect() {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-revoked", "11"));
        stack.registrar().revoke(ThingName.of(device.thing()), TenantId.of(stack.tenant().tenantId()),
                Set.of(device.certificateId()));

        assertThatThrownBy(() -> stack.connect(device)).isInstanceOf(DeviceConnection.RefusedException.class);
    }

    @Test
    @Order(5)
    void clientIdThatIsNotTheCertificatesCn_isRefused() {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-honest", "12"));
        stack.declare(oximeter("e2e-other-bed", "13"));

        assertThatThrownBy(() -> stack.connect(device, "e2e-other-bed"))
                .isInstanceOf(DeviceConnection.RefusedException.class);
        assertThatThrownBy(() -> stack.connect(device, "not-a-thing"))
                .isInstanceOf(DeviceConnection.RefusedException.class);
    }

    @Test
    @Order(99)
    void functionFailure_endsInTheOnFailureQueue_withTheOriginalPayload() throws Exception {
        LocalStack.Credentials device = stack.declare(oximeter("e2e-table-gone", "14"));
        stack.dynamo().deleteTable(b -> b.tableName(stack.tenant().readingsTable()));
        byte[] payload = payload("e2e-99", 97);
        long deadBefore = stack.stats().deadLetters.get();
        try (DeviceConnection connection = stack.connect(device)) {
            assertThat(connection.publish(stack.tenant().telemetryTopic(device.thing()), payload)
                    .get(15, TimeUnit.SECONDS)).isTrue();
        }
        awaitPipeline();

        assertThat(stack.stats().deadLetters.get()).isEqualTo(deadBefore + 1);
        assertThat(stack.onFailureRecords()).anySatisfy(body -> {
            JsonNode record = JSON.readTree(body);
            assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
            assertThat(record.at("/requestPayload/thingName").asText()).isEqualTo(device.thing());
            assertThat(Base64.getDecoder().decode(record.at("/requestPayload/payload").asText())).isEqualTo(payload);
        });
    }
}
