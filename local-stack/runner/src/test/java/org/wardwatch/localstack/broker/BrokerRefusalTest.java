package org.wardwatch.localstack.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.devicecerts.KeyType;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.Validity;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.model.device.TenantId;
import software.amazon.awssdk.crt.mqtt5.QOS;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

/**
 * Each refusal of the broker, with every other check passing, asserted as the client sees it (CONNACK, PUBACK,
 * SUBACK, DISCONNECT or TLS alert), with the project's client (the AWS IoT device SDK) and with one no one here
 * wrote (Debian's mosquitto_pub and mosquitto_sub, MQTT 5 and 3.1.1).
 */
class BrokerRefusalTest {

    private static final Duration SHORT = Duration.ofSeconds(10);
    private static final byte[] READING = "{\"schema\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    @TempDir
    static Path directory;
    private static TestBroker broker;
    /** Topics the rules engine was handed, as "clientId topic". */
    private static final List<String> toRules = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheBroker() throws Exception {
        Mosquitto.require("mosquitto_pub");
        broker = new TestBroker(directory, (clientId, topic, payload, at) -> toRules.add(clientId + " " + topic));
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void ownTelemetryTopic_isAccepted_byBothClients_soTheRefusalsBelowAreTheBrokersChecks() throws Exception {
        TestBroker.Device device = broker.declare("refusal-baseline");
        try (DeviceConnection connection = broker.connect(device)) {
            assertThat(connection.publishForAnswer(broker.telemetryTopic(device.thing()), READING, false)
                    .get(15, TimeUnit.SECONDS)).startsWith("PUBACK").doesNotContain("NOT_AUTHORIZED");
        }
        Mosquitto.Run run = broker.mosquitto(device).publish("mqttv311", device.thing(),
                broker.telemetryTopic(device.thing()), 1, false);
        assertThat(run.output()).contains("received CONNACK (0)", "received PUBACK (Mid: 1, RC:0)");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void certificateFromAForeignCa_thatIsRegisteredOnItsThing_isRefusedByTheTlsHandshake() throws Exception {
        TenantCa foreign = TenantCa.create(TenantId.of("other-hospital"), KeyType.EC, Validity.days(2));
        TestBroker.Device forged = broker.declareIssuedBy(foreign, "refusal-foreign");

        assertThatThrownBy(() -> broker.connect(forged)).isInstanceOf(DeviceConnection.RefusedException.class)
                .satisfies(e -> assertThat(((DeviceConnection.RefusedException) e).refusal())
                        .isEqualTo("no CONNACK: AWS_IO_TLS_ERROR_READ_FAILURE"));
        Mosquitto.Run run = broker.mosquitto(forged).publish("mqttv5", forged.thing(),
                broker.telemetryTopic(forged.thing()), 1, false);
        assertThat(run.output()).contains("alert certificate unknown").doesNotContain("received CONNACK");
        assertThat(toRules).noneMatch(line -> line.startsWith(forged.thing() + " "));
    }

    @Test
    void inactiveCertificate_stillAttachedWithItsPolicy_isRefusedAtConnect() throws Exception {
        TestBroker.Device device = broker.declare("refusal-inactive");
        broker.setStatus(device, CertificateStatus.INACTIVE);

        assertThatThrownBy(() -> broker.connect(device)).isInstanceOf(DeviceConnection.RefusedException.class)
                .satisfies(e -> assertThat(((DeviceConnection.RefusedException) e).refusal())
                        .isEqualTo("CONNACK NOT_AUTHORIZED (0x87)"));
        assertThat(broker.mosquitto(device).publish("mqttv5", device.thing(), broker.telemetryTopic(device.thing()),
                1, false).output()).contains("received CONNACK (135)");
        assertThat(broker.mosquitto(device).publish("mqttv311", device.thing(),
                broker.telemetryTopic(device.thing()), 1, false).output()).contains("received CONNACK (5)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INACTIVE", "REVOKED"})
    void liveSession_ofACertificateThatStopsBeingActive_isEndedWithNotAuthorized(String status) throws Exception {
        TestBroker.Device device = broker.declare("refusal-live-" + status.toLowerCase());
        try (DeviceConnection connection = broker.connect(device)) {
            broker.setStatus(device, CertificateStatus.fromValue(status));

            assertThat(connection.awaitServerDisconnect(SHORT)).contains("DISCONNECT NOT_AUTHORIZED (0x87)");
        }
    }

    @Test
    void liveMosquittoSession_ofADeactivatedCertificate_isEnded() throws Exception {
        TestBroker.Device device = broker.declare("refusal-live-mosquitto");
        Path output = directory.resolve("live-mosquitto.log");
        Process publisher = broker.mosquitto(device).startLinePublisher("mqttv5", device.thing(),
                broker.telemetryTopic(device.thing()), output);
        try {
            awaitOutput(output, "received CONNACK (0)");
            broker.setStatus(device, CertificateStatus.INACTIVE);

            awaitOutput(output, "Received DISCONNECT (135)");
        } finally {
            publisher.destroy();
        }
    }

    @Test
    void clientIdThatIsNotTheCertificatesCn_isRefusedWithNotAuthorized_evenWhenThatThingExists() throws Exception {
        TestBroker.Device device = broker.declare("refusal-honest");
        broker.declare("refusal-other-bed");

        for (String clientId : List.of("refusal-other-bed", "not-a-thing")) {
            assertThatThrownBy(() -> broker.connect(device, clientId, m -> { }, null))
                    .isInstanceOf(DeviceConnection.RefusedException.class)
                    .satisfies(e -> assertThat(((DeviceConnection.RefusedException) e).refusal())
                            .isEqualTo("CONNACK NOT_AUTHORIZED (0x87)"));
            assertThat(broker.mosquitto(device).publish("mqttv5", clientId, broker.telemetryTopic(clientId), 1,
                    false).output()).contains("received CONNACK (135)");
        }
    }

    @Test
    void publishToAnotherDevicesTopic_getsPubackNotAuthorized_thenADisconnect() throws Exception {
        TestBroker.Device mallory = broker.declare("refusal-mallory");
        String victimTopic = broker.telemetryTopic("refusal-victim");
        try (DeviceConnection connection = broker.connect(mallory)) {
            assertThat(connection.publishForAnswer(victimTopic, READING, false).get(15, TimeUnit.SECONDS))
                    .isEqualTo("PUBACK NOT_AUTHORIZED (0x87)");
            assertThat(connection.awaitServerDisconnect(SHORT)).contains("DISCONNECT NOT_AUTHORIZED (0x87)");
        }
        // A device of its own for the other client: the broker disconnects a refused client by client id shortly
        // after the refusal, which could otherwise reach a new connection of the same thing.
        TestBroker.Device eve = broker.declare("refusal-eve");
        Mosquitto mosquitto = broker.mosquitto(eve);
        assertThat(mosquitto.publish("mqttv5", eve.thing(), victimTopic, 1, false).output())
                .contains("received PUBACK (Mid: 1, RC:135)");
        Mosquitto.Run v311 = mosquitto.publish("mqttv311", eve.thing(), victimTopic, 1, false);
        assertThat(v311.output()).contains("received CONNACK (0)").doesNotContain("received PUBACK");
        assertThat(v311.output()).contains("The connection was lost");
        assertThat(toRules).noneMatch(line -> line.endsWith(" " + victimTopic));
    }

    @Test
    void retainedPublish_withoutIotRetainPublish_isRefused_evenOnTheDevicesOwnTopic() throws Exception {
        TestBroker.Device device = broker.declare("refusal-retain");
        String own = broker.telemetryTopic(device.thing());
        try (DeviceConnection connection = broker.connect(device)) {
            assertThat(connection.publishForAnswer(own, READING, true).get(15, TimeUnit.SECONDS))
                    .isEqualTo("PUBACK NOT_AUTHORIZED (0x87)");
            assertThat(connection.awaitServerDisconnect(SHORT)).contains("DISCONNECT NOT_AUTHORIZED (0x87)");
        }
        Mosquitto mosquitto = broker.mosquitto(device);
        assertThat(mosquitto.publish("mqttv5", device.thing(), own, 1, true).output())
                .contains("received PUBACK (Mid: 1, RC:135)");
        assertThat(mosquitto.publish("mqttv311", device.thing(), own, 1, true).output())
                .doesNotContain("received PUBACK").contains("The connection was lost");
        assertThat(toRules).noneMatch(line -> line.equals(device.thing() + " " + own));
    }

    @Test
    void retainedPublish_isAccepted_whenAPolicyGrantsIotRetainPublish() throws Exception {
        TestBroker.Device device = broker.declare("refusal-retain-allowed");
        String own = broker.telemetryTopic(device.thing());
        broker.attachPolicy(device, "retain-allowed", """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iot:RetainPublish", "Resource": "%s"}]}
                """.formatted(broker.arn("topic/" + own)));

        assertThat(broker.mosquitto(device).publish("mqttv311", device.thing(), own, 1, true).output())
                .contains("received PUBACK (Mid: 1, RC:0)");
    }

    @Test
    void qos2_isNotOffered_toMqtt5Clients_andEndsAnMqtt311Connection() throws Exception {
        TestBroker.Device device = broker.declare("refusal-qos2");
        String own = broker.telemetryTopic(device.thing());
        try (DeviceConnection connection = broker.connect(device)) {
            assertThat(connection.maximumQos()).isEqualTo(QOS.AT_LEAST_ONCE);
        }
        Mosquitto mosquitto = broker.mosquitto(device);
        assertThat(mosquitto.publish("mqttv5", device.thing(), own, 2, false).output())
                .contains("QoS not supported").doesNotContain("sending PUBLISH");
        Mosquitto.Run v311 = mosquitto.publish("mqttv311", device.thing(), own, 2, false);
        assertThat(v311.output()).contains("sending PUBLISH (d0, q2").doesNotContain("received PUBREC")
                .contains("The connection was lost");
        assertThat(toRules).noneMatch(line -> line.equals(device.thing() + " " + own));
    }

    @Test
    void policyWithACondition_isRefusedAtConnect_ratherThanReadAsAnUnconditionalAllow() throws Exception {
        TestBroker.Device device = broker.declare("refusal-condition");
        broker.attachPolicy(device, "conditional", """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iot:Publish", "Resource": "*",
                   "Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}}}]}
                """);

        assertThatThrownBy(() -> broker.connect(device)).isInstanceOf(DeviceConnection.RefusedException.class)
                .satisfies(e -> assertThat(((DeviceConnection.RefusedException) e).refusal())
                        .isEqualTo("CONNACK NOT_AUTHORIZED (0x87)"));
        assertThat(broker.mosquitto(device).publish("mqttv5", device.thing(), broker.telemetryTopic(device.thing()),
                1, false).output()).contains("received CONNACK (135)");
    }

    @Test
    void unauthorizedSubscribe_getsSubackNotAuthorizedOnMqtt5_andEndsAnMqtt311Connection() throws Exception {
        TestBroker.Device device = broker.declare("refusal-subscriber");
        String allowed = "wards/icu-3/notices";
        broker.attachPolicy(device, "subscriber", """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iot:Subscribe", "Resource": "%s"}]}
                """.formatted(broker.arn("topicfilter/" + allowed)));
        try (DeviceConnection connection = broker.connect(device)) {
            assertThat(connection.subscribeForAnswer("wards/#").get(15, TimeUnit.SECONDS))
                    .isEqualTo("SUBACK NOT_AUTHORIZED (0x87)");
            assertThat(connection.subscribeForAnswer(allowed).get(15, TimeUnit.SECONDS))
                    .as("still connected").startsWith("SUBACK GRANTED_QOS_1");
        }
        Mosquitto mosquitto = broker.mosquitto(device);
        // One filter allowed, one not: mosquitto_sub stays connected unless the broker ends the connection.
        // mosquitto_sub reconnects when the broker ends its connection: a second CONNECT shows it was ended.
        Mosquitto.Run v5 = mosquitto.subscribe("mqttv5", device.thing(), allowed, 3, "-t", "wards/#");
        assertThat(v5.output()).contains("Subscribed (mid: 1): 1, 135");
        assertThat(v5.output().split("sending CONNECT", -1)).as("CONNECTs").hasSize(2);
        Mosquitto.Run v311 = mosquitto.subscribe("mqttv311", device.thing(), allowed, 3, "-t", "wards/#");
        assertThat(v311.output()).contains("Subscribed (mid: 1): 1, 128");
        assertThat(v311.output().split("sending CONNECT", -1).length).as("CONNECTs").isGreaterThan(2);
    }

    @Test
    void messageTheSubscriberMayNotReceive_isNotDelivered_whileOneItMayIs() throws Exception {
        TestBroker.Device subscriber = broker.declare("refusal-receiver");
        TestBroker.Device allowedSender = broker.declare("refusal-sender");
        TestBroker.Device otherSender = broker.declare("refusal-sender-2");
        broker.attachPolicy(subscriber, "receiver", """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iot:Subscribe", "Resource": "%s"},
                  {"Effect": "Allow", "Action": "iot:Receive", "Resource": "%s"}]}
                """.formatted(broker.arn("topicfilter/tenants/*"),
                broker.arn("topic/" + broker.telemetryTopic(allowedSender.thing()))));
        List<DeviceConnection.Received> received = new CopyOnWriteArrayList<>();
        int refusedBefore = broker.broker.authorization().refusals().getOrDefault("receive", 0);
        try (DeviceConnection listening = broker.connect(subscriber, subscriber.thing(), received::add, null)) {
            // Each sender's topic, not tenants/+/devices/+/telemetry: that filter would also match the message another
            // test here retained, delivered on subscribe and, as iot:Receive does not allow it, refused as well.
            for (TestBroker.Device sender : List.of(otherSender, allowedSender)) {
                assertThat(listening.subscribe(broker.telemetryTopic(sender.thing())).get(15, TimeUnit.SECONDS))
                        .isTrue();
            }
            // The message it may not receive goes first: once the later one has arrived, it would have too.
            for (TestBroker.Device sender : List.of(otherSender, allowedSender)) {
                assertThat(broker.mosquitto(sender).publish("mqttv311", sender.thing(),
                        broker.telemetryTopic(sender.thing()), 1, false).output()).contains("RC:0");
            }
            long deadline = System.nanoTime() + SHORT.toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(received).extracting(DeviceConnection.Received::topic)
                    .containsExactly(broker.telemetryTopic(allowedSender.thing()));
        }
        assertThat(broker.broker.authorization().refusals().get("receive")).as("one message was not delivered")
                .isEqualTo(refusedBefore + 1);
    }

    private static void awaitOutput(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + SHORT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no \"" + text + "\" in " + file + ": " + (Files.exists(file) ? Files.readString(file) : ""));
    }
}
