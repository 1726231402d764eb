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
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.localstack.ward.DeviceConnection;

/**
 * A Last Will as IoT Core handles it: authorized at CONNECT (a will the policies do not allow refuses the CONNECT,
 * with a connect_failed event and no connected one), published to the rules engine and to subscribers allowed to
 * receive it when the connection is lost, and not when the device disconnects cleanly nor at connect. With the
 * device SDK and with mosquitto_pub, over the broker's mutual TLS.
 */
class LastWillTest {

    private static final Duration SHORT = Duration.ofSeconds(15);
    private static final String WILL = "{\"schema\":\"will\"}";
    @TempDir
    static Path directory;
    private static TestBroker broker;
    /** What the rules engine was handed: lifecycle events and publishes, in order. */
    private static final List<Handed> toRules = new CopyOnWriteArrayList<>();

    record Handed(String clientId, String topic, String payload) {
    }

    @BeforeAll
    static void startTheBroker() throws Exception {
        Mosquitto.require("mosquitto_pub");
        broker = new TestBroker(directory, (clientId, topic, payload, at) ->
                toRules.add(new Handed(clientId, topic, new String(payload, StandardCharsets.UTF_8))));
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void willOfALostConnection_reachesTheRulesAndAnAllowedSubscriber_butNotAtConnect() throws Exception {
        TestBroker.Device device = broker.declare("will-lost");
        String topic = broker.telemetryTopic(device.thing());
        List<DeviceConnection.Received> received = new CopyOnWriteArrayList<>();
        try (DeviceConnection listener = listenerOf(device, received)) {
            DeviceConnection connection = broker.connect(device, device.thing(), m -> { }, will(topic));
            // The broker hands a will to the rules while it authorizes the CONNECT, before its CONNACK.
            assertThat(willsOf(device.thing())).as("at connect").isEmpty();
            assertThat(connection.publish(topic, "{\"schema\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                    .get(15, TimeUnit.SECONDS)).isTrue();
            await(() -> received.size() == 1, "the reading at the subscriber");

            connection.closeWithoutDisconnect();

            await(() -> willsOf(device.thing()).size() == 1, "the will at the rules");
            await(() -> received.size() == 2, "the will at the subscriber");
            assertThat(new String(received.get(1).payload(), StandardCharsets.UTF_8)).isEqualTo(WILL);
            assertThat(disconnectReasons(device.thing())).containsExactly("CONNECTION_LOST");
        }
    }

    @Test
    void willOfACleanDisconnect_isNotPublished() throws Exception {
        TestBroker.Device device = broker.declare("will-clean");
        String topic = broker.telemetryTopic(device.thing());
        List<DeviceConnection.Received> received = new CopyOnWriteArrayList<>();
        try (DeviceConnection listener = listenerOf(device, received)) {
            broker.connect(device, device.thing(), m -> { }, will(topic)).close();
            // One client id's lifecycle callbacks run one after another: once the next session's connected event is
            // out, the first session's end (and any will) has been handled; its reading follows any will queued.
            try (DeviceConnection again = broker.connect(device)) {
                await(() -> connectedCount(device.thing()) == 2, "the second connected event");
                again.publish(topic, "{\"schema\":\"x\"}".getBytes(StandardCharsets.UTF_8)).get(15, TimeUnit.SECONDS);
                await(() -> !received.isEmpty(), "the reading at the subscriber");
            }
            assertThat(willsOf(device.thing())).isEmpty();
            assertThat(received).extracting(r -> new String(r.payload(), StandardCharsets.UTF_8))
                    .containsExactly("{\"schema\":\"x\"}");
            assertThat(disconnectReasons(device.thing())).startsWith("CLIENT_INITIATED_DISCONNECT");
        }
    }

    @Test
    void mosquittoWill_isPublishedWhenItIsKilled_andNotWhenItsInputEnds() throws Exception {
        TestBroker.Device device = broker.declare("will-mosquitto");
        String topic = broker.telemetryTopic(device.thing());
        String[] willArgs = {"--will-topic", topic, "--will-payload", WILL, "--will-qos", "1"};
        Mosquitto mosquitto = broker.mosquitto(device);
        int lost = 0;
        for (String version : List.of("mqttv5", "mqttv311")) {
            Path cleanLog = directory.resolve("clean-" + version + ".log");
            Process clean = mosquitto.startLinePublisher(version, device.thing(), topic, cleanLog, willArgs);
            awaitOutput(cleanLog, "received CONNACK (0)");
            clean.getOutputStream().close();
            assertThat(clean.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(cleanLog)).contains("sending DISCONNECT");
            int round = lost + 1;
            // the clean session has ended at the broker before the next one takes its client id
            await(() -> disconnectReasons(device.thing()).stream().filter("CLIENT_INITIATED_DISCONNECT"::equals)
                    .count() == round, "the clean disconnect of " + version);

            Path killedLog = directory.resolve("killed-" + version + ".log");
            Process killed = mosquitto.startLinePublisher(version, device.thing(), topic, killedLog, willArgs);
            awaitOutput(killedLog, "received CONNACK (0)");
            killed.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            int lostSoFar = ++lost;
            // count them: the first round's lost connection must not stand in for this round's
            await(() -> disconnectReasons(device.thing()).stream().filter("CONNECTION_LOST"::equals).count() == lostSoFar,
                    "the lost connection of " + version);
        }
        assertThat(disconnectReasons(device.thing())).containsExactly("CLIENT_INITIATED_DISCONNECT",
                "CONNECTION_LOST", "CLIENT_INITIATED_DISCONNECT", "CONNECTION_LOST");
        await(() -> willsOf(device.thing()).size() >= 2, "the killed clients' wills");
        assertThat(willsOf(device.thing())).hasSize(2).allSatisfy(h -> assertThat(h.payload()).isEqualTo(WILL));
    }

    @Test
    void willToATopicThePolicyDoesNotAllow_refusesTheConnect_withConnectFailedAndNoConnectedEvent() throws Exception {
        TestBroker.Device device = broker.declare("will-refused");
        String foreign = broker.telemetryTopic("will-victim");

        assertThatThrownBy(() -> broker.connect(device, device.thing(), m -> { }, will(foreign)))
                .isInstanceOf(DeviceConnection.RefusedException.class)
                .satisfies(e -> assertThat(((DeviceConnection.RefusedException) e).refusal())
                        .isEqualTo("CONNACK NOT_AUTHORIZED (0x87)"));
        Mosquitto mosquitto = broker.mosquitto(device);
        String[] willArgs = {"--will-topic", foreign, "--will-payload", WILL};
        assertThat(mosquitto.publish("mqttv5", device.thing(), broker.telemetryTopic(device.thing()), 1, false,
                willArgs).output()).contains("received CONNACK (135)").doesNotContain("sending PUBLISH");
        assertThat(mosquitto.publish("mqttv311", device.thing(), broker.telemetryTopic(device.thing()), 1, false,
                willArgs).output()).contains("received CONNACK (5)").doesNotContain("sending PUBLISH");

        // Its events are published in order: once a good connect's connected event is out, any earlier one is too.
        try (DeviceConnection good = broker.connect(device)) {
            await(() -> connectedCount(device.thing()) == 1, "the good connect's connected event");
        }
        List<String> types = lifecycleTypes(device.thing());
        assertThat(types.subList(0, types.indexOf("connected"))).as(types.toString()).isNotEmpty()
                .containsOnly("connect_failed");
        assertThat(toRules).noneMatch(h -> h.topic().equals(foreign));
    }

    @Test
    void refusedWillOfASecondConnect_leavesTheLiveSessionAndItsWillAlone() throws Exception {
        TestBroker.Device device = broker.declare("will-second");
        String topic = broker.telemetryTopic(device.thing());
        DeviceConnection live = broker.connect(device, device.thing(), m -> { }, will(topic));

        assertThatThrownBy(() -> broker.connect(device, device.thing(), m -> { },
                will(broker.telemetryTopic("will-victim-2")))).isInstanceOf(DeviceConnection.RefusedException.class);
        assertThat(live.publishForAnswer(topic, "{\"schema\":\"x\"}".getBytes(StandardCharsets.UTF_8), false)
                .get(15, TimeUnit.SECONDS)).as("still authorized as itself").startsWith("PUBACK")
                .doesNotContain("NOT_AUTHORIZED");
        live.closeWithoutDisconnect();

        await(() -> willsOf(device.thing()).size() == 1, "the live session's will");
    }

    @Test
    void sessionTakenOverByTheSameClientId_publishesTheOldSessionsWill() throws Exception {
        TestBroker.Device device = broker.declare("will-takeover");
        String topic = broker.telemetryTopic(device.thing());
        DeviceConnection first = broker.connect(device, device.thing(), m -> { }, will(topic));
        try (DeviceConnection second = broker.connect(device)) {
            await(() -> !willsOf(device.thing()).isEmpty(), "the first session's will");
            first.closeWithoutDisconnect(); // the SDK would otherwise reconnect and take the id back
        }
        assertThat(disconnectReasons(device.thing())).first().isEqualTo("DUPLICATE_CLIENTID");
    }

    private static DeviceConnection.Will will(String topic) {
        return new DeviceConnection.Will(topic, WILL.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A client whose policy lets it subscribe to and receive the device's telemetry topic, subscribed to it. */
    private static DeviceConnection listenerOf(TestBroker.Device device, List<DeviceConnection.Received> received)
            throws Exception {
        String topic = broker.telemetryTopic(device.thing());
        TestBroker.Device listener = broker.declare("listener-" + device.thing());
        broker.attachPolicy(listener, "listen-" + listener.thing(), """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iot:Subscribe", "Resource": "%s"},
                  {"Effect": "Allow", "Action": "iot:Receive", "Resource": "%s"}]}
                """.formatted(broker.arn("topicfilter/" + topic), broker.arn("topic/" + topic)));
        DeviceConnection connection = broker.connect(listener, listener.thing(), received::add, null);
        assertThat(connection.subscribe(topic).get(15, TimeUnit.SECONDS)).isTrue();
        return connection;
    }

    private static List<Handed> willsOf(String thing) {
        return toRules.stream().filter(h -> h.clientId().equals(thing) && h.payload().equals(WILL)).toList();
    }

    private static List<String> lifecycleTypes(String thing) {
        return toRules.stream().filter(h -> h.topic().startsWith("$aws/events/presence/")
                        && h.topic().endsWith("/" + thing))
                .map(h -> h.topic().substring("$aws/events/presence/".length(), h.topic().lastIndexOf('/')))
                .toList();
    }

    private static long connectedCount(String thing) {
        return lifecycleTypes(thing).stream().filter("connected"::equals).count();
    }

    private static List<String> disconnectReasons(String thing) {
        return toRules.stream().filter(h -> h.topic().equals("$aws/events/presence/disconnected/" + thing))
                .map(h -> h.payload().replaceAll(".*\"disconnectReason\":\"([A-Z_]+)\".*", "$1")).toList();
    }

    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + SHORT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + SHORT + "; the rules got " + toRules);
            }
            Thread.sleep(20);
        }
    }

    private static void awaitOutput(Path file, String text) throws Exception {
        await(() -> {
            try {
                return Files.exists(file) && Files.readString(file).contains(text);
            } catch (java.io.IOException e) {
                return false;
            }
        }, "\"" + text + "\" in " + file);
    }
}
