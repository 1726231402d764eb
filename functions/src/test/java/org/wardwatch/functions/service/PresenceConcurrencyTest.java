package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.functions.aws.DynamoDeviceRegistry;
import org.wardwatch.functions.aws.DynamoPresenceStore;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.PresenceDecoder;
import org.wardwatch.functions.core.PresenceEvent;
import org.wardwatch.functions.core.PresenceState;
import org.wardwatch.functions.lambda.TestTenant;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Lifecycle events of one device processed at the same time by several function instances, or by an instance that
 * dies half-way, on the emulator: the conditional write makes them converge on the newest event, each event is kept
 * once, and a retry finishes what a lost instance started.
 */
class PresenceConcurrencyTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static TestTenant tenant;

    @BeforeAll
    static void provision() {
        tenant = TestTenant.provision(MotoServer.shared().endpoint());
    }

    private static PresenceService service(PresenceStore store) {
        return new PresenceService(TestTenant.ID, new PresenceDecoder(),
                new DynamoDeviceRegistry(tenant.dynamo, TestTenant.DEVICES, Duration.ZERO), store,
                Clock.systemUTC());
    }

    private static DynamoPresenceStore store() {
        return new DynamoPresenceStore(tenant.dynamo, TestTenant.READINGS, TestTenant.QUARANTINE, Duration.ofDays(400));
    }

    /** A takeover, a lost keep-alive and an hour's idleness with the count reset, as IoT Core would publish them. */
    private static List<String> history(String thing) {
        return List.of(
                connected(thing, T0, "a", 3),
                disconnected(thing, T0.plusSeconds(300), "a", 3, "CONNECTION_LOST"),
                connected(thing, T0.plusSeconds(360), "b", 4),
                connected(thing, T0.plusSeconds(480), "c", 5),
                disconnected(thing, T0.plusSeconds(480).plusMillis(2), "b", 4, "DUPLICATE_CLIENTID"),
                disconnected(thing, T0.plusSeconds(3600), "c", 5, "MQTT_KEEP_ALIVE_TIMEOUT"),
                connected(thing, T0.plusSeconds(7800), "d", 0));
    }

    private static String connected(String thing, Instant at, String session, long version) {
        return "{\"clientId\":\"" + thing + "\",\"timestamp\":" + at.toEpochMilli() + ",\"eventType\":\"connected\","
                + "\"sessionIdentifier\":\"" + session + "\",\"principalIdentifier\":\"p\",\"ipAddress\":\"192.0.2.0\","
                + "\"versionNumber\":" + version + "}";
    }

    private static String disconnected(String thing, Instant at, String session, long version, String reason) {
        return "{\"clientId\":\"" + thing + "\",\"timestamp\":" + at.toEpochMilli() + ",\"eventType\":\"disconnected\","
                + "\"sessionIdentifier\":\"" + session + "\",\"principalIdentifier\":\"p\","
                + "\"clientInitiatedDisconnect\":false,\"disconnectReason\":\"" + reason + "\",\"versionNumber\":"
                + version + "}";
    }

    private static PresenceState truth(String thing) {
        return new PresenceState(PresenceEvent.connected(thing, T0.plusSeconds(7800), "d", 0),
                PresenceEvent.disconnected(thing, T0.plusSeconds(3600), "c", 5, "MQTT_KEEP_ALIVE_TIMEOUT", false));
    }

    @Test
    void eventsProcessedAtOnce_inRandomOrderWithADuplicate_convergeOnTheNewest_andAreKeptOnceEach() throws Exception {
        Random random = new Random(7);
        ExecutorService instances = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 4; round++) {
                String thing = "pc-monitor-" + round;
                tenant.registerDevice(thing, "cardiac_monitor", "CCU-3", Integer.toString(round));
                List<String> delivered = new ArrayList<>(history(thing));
                delivered.add(delivered.get(4));
                Collections.shuffle(delivered, random);
                List<Future<PresenceResult>> results = new ArrayList<>();
                for (String event : delivered) {
                    PresenceService service = service(store());
                    results.add(instances.submit(() -> service.process(event.getBytes(StandardCharsets.UTF_8), null)));
                }
                int duplicates = 0;
                for (Future<PresenceResult> result : results) {
                    duplicates += result.get(60, TimeUnit.SECONDS).outcome() == PresenceResult.Outcome.DUPLICATE ? 1 : 0;
                }

                assertThat(store().presence(thing).state()).as("round %d: %s", round, delivered).isEqualTo(truth(thing));
                assertThat(duplicates).isEqualTo(1);
                List<Map<String, AttributeValue>> history = tenant.dynamo.query(b -> b.tableName(TestTenant.READINGS)
                        .consistentRead(true).keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("D#" + thing),
                                ":p", AttributeValue.fromS("P#2")))).items();
                assertThat(history).hasSize(7);
                assertThat(history).extracting(i -> i.get("deliveries").n()).containsOnly("1", "2")
                        .containsOnlyOnce("2");
            }
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void anotherInstanceAdvancingThePresenceFirst_makesThisOneReadAgainAndReapply() {
        String thing = "pc-race";
        tenant.registerDevice(thing, "cardiac_monitor", "CCU-3", "9");
        List<String> events = history(thing);
        PresenceService other = service(store());
        AtomicInteger conflicts = new AtomicInteger();
        AtomicReference<Boolean> interleaved = new AtomicReference<>(false);
        DynamoPresenceStore real = store();
        PresenceStore racing = new Delegating(real) {
            @Override
            public Stored presence(String thingName) {
                Stored read = real.presence(thingName);
                if (!interleaved.getAndSet(true)) {
                    // between this instance's read and its write, another instance records the newest event
                    other.process(events.get(6).getBytes(StandardCharsets.UTF_8), null);
                }
                return read;
            }

            @Override
            public boolean advance(Device device, Stored expected, PresenceState next) {
                boolean written = real.advance(device, expected, next);
                conflicts.addAndGet(written ? 0 : 1);
                return written;
            }
        };

        PresenceResult result = service(racing).process(events.get(5).getBytes(StandardCharsets.UTF_8), null);

        assertThat(conflicts.get()).isEqualTo(1);
        assertThat(result.outcome()).isEqualTo(PresenceResult.Outcome.STALE);
        assertThat(real.presence(thing).state()).isEqualTo(truth(thing));
    }

    @Test
    void anInstanceLostAfterKeepingTheEvent_isFinishedByTheRetry_whichIsADuplicate() {
        String thing = "pc-lost";
        tenant.registerDevice(thing, "cardiac_monitor", "CCU-3", "10");
        byte[] event = history(thing).get(0).getBytes(StandardCharsets.UTF_8);
        AtomicInteger crashes = new AtomicInteger(1);
        DynamoPresenceStore real = store();
        PresenceStore dying = new Delegating(real) {
            @Override
            public Stored presence(String thingName) {
                if (crashes.getAndDecrement() > 0) {
                    throw new IllegalStateException("instance lost");
                }
                return real.presence(thingName);
            }
        };
        PresenceService service = service(dying);

        assertThatThrownBy(() -> service.process(event, null)).hasMessage("instance lost");
        PresenceResult retried = service.process(event, null);

        assertThat(retried.outcome()).isEqualTo(PresenceResult.Outcome.DUPLICATE);
        assertThat(real.presence(thing).state().connected()).isTrue();
        assertThat(real.presence(thing).version()).isEqualTo(1);
    }

    /** A store that does what the real one does, for tests to override one step. */
    private static class Delegating implements PresenceStore {
        private final PresenceStore store;

        Delegating(PresenceStore store) {
            this.store = store;
        }

        @Override
        public boolean recordEvent(Device device, PresenceEvent event) {
            return store.recordEvent(device, event);
        }

        @Override
        public boolean recordConnectFailure(Device device, org.wardwatch.functions.core.PresenceConnectFailure failure) {
            return store.recordConnectFailure(device, failure);
        }

        @Override
        public Stored presence(String thingName) {
            return store.presence(thingName);
        }

        @Override
        public boolean advance(Device device, Stored expected, PresenceState next) {
            return store.advance(device, expected, next);
        }

        @Override
        public void quarantine(QuarantineEntry entry) {
            store.quarantine(entry);
        }
    }
}
