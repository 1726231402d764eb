package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The ordering of lifecycle events: duplicates change nothing, every arrival order of a history ends in the same
 * state, which is what really happened (a takeover leaves the device connected; a reset count does not make old
 * events new).
 */
class PresenceTest {

    private static final String DEVICE = "icu1-oximeter-04";
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private static PresenceEvent connected(String session, long version, Duration at) {
        return PresenceEvent.connected(DEVICE, T0.plus(at), session, version);
    }

    private static PresenceEvent disconnected(String session, long version, Duration at, String reason) {
        return PresenceEvent.disconnected(DEVICE, T0.plus(at), session, version, reason,
                "CLIENT_INITIATED_DISCONNECT".equals(reason));
    }

    private static PresenceState applyAll(List<PresenceEvent> events) {
        PresenceState state = PresenceState.NONE;
        for (PresenceEvent event : events) {
            state = Presence.apply(state, event).next();
        }
        return state;
    }

    @Test
    void theFirstEvent_isRecorded() {
        PresenceEvent up = connected("s1", 3, Duration.ZERO);

        Presence.Step step = Presence.apply(PresenceState.NONE, up);

        assertThat(step.becameCurrent()).isTrue();
        assertThat(step.next()).isEqualTo(new PresenceState(up, null));
        assertThat(step.next().connected()).isTrue();
    }

    @Test
    void theSameEventTwice_changesNothing() {
        PresenceEvent down = disconnected("s1", 3, Duration.ofMinutes(1), "CONNECTION_LOST");
        PresenceState once = applyAll(List.of(connected("s1", 3, Duration.ZERO), down));

        Presence.Step again = Presence.apply(once, down);

        assertThat(again.becameCurrent()).isFalse();
        assertThat(again.next()).isEqualTo(once);
        assertThat(Presence.compare(down, down)).isZero();
    }

    @Test
    void aSessionsDisconnect_followsItsConnect_evenWhenStampedInTheSameMillisecond() {
        PresenceEvent up = connected("s1", 3, Duration.ZERO);
        PresenceEvent down = disconnected("s1", 3, Duration.ZERO, "AUTH_ERROR");

        assertThat(applyAll(List.of(down, up))).isEqualTo(new PresenceState(down, down));
        assertThat(applyAll(List.of(up, down))).isEqualTo(new PresenceState(down, down));
    }

    @Test
    void takeover_theNewSessionsConnect_beatsTheOldSessionsLaterStampedDisconnect() {
        // GIVEN a device that reconnects before IoT Core dropped its old connection (duplicate client id)
        PresenceEvent oldUp = connected("old", 5, Duration.ZERO);
        PresenceEvent newUp = connected("new", 6, Duration.ofMinutes(3));
        PresenceEvent oldDown = disconnected("old", 5, Duration.ofMinutes(3).plusMillis(4), "DUPLICATE_CLIENTID");

        // WHEN the old session's disconnect arrives last, or in between, or first
        for (List<PresenceEvent> order : List.of(List.of(oldUp, newUp, oldDown), List.of(oldUp, oldDown, newUp),
                List.of(oldDown, newUp, oldUp))) {
            PresenceState state = applyAll(order);

            // THEN the device is connected through the new session, and it last went away for a duplicate client id
            assertThat(state.connected()).as("%s", order).isTrue();
            assertThat(state.current()).isEqualTo(newUp);
            assertThat(state.lastDisconnect()).isEqualTo(oldDown);
        }
        Presence.Step late = Presence.apply(applyAll(List.of(oldUp, newUp)), oldDown);
        assertThat(late.becameCurrent()).as("the old session's disconnect is stale").isFalse();
        assertThat(late.next().lastDisconnect()).as("but it is the last disconnect").isEqualTo(oldDown);
    }

    @Test
    void afterAnHoursIdleness_aConnectWithTheCountResetToZero_isNewer() {
        PresenceEvent before = disconnected("s7", 7, Duration.ZERO, "MQTT_KEEP_ALIVE_TIMEOUT");
        PresenceEvent reset = connected("s8", 0, Duration.ofMinutes(70));

        assertThat(Presence.compare(reset, before)).isPositive();
        assertThat(applyAll(List.of(before, reset)).current()).isEqualTo(reset);
        // a late delivery of the old disconnect does not take the device offline
        Presence.Step late = Presence.apply(applyAll(List.of(reset)), before);
        assertThat(late.becameCurrent()).isFalse();
        assertThat(late.next()).isEqualTo(new PresenceState(reset, before));
    }

    @Test
    void theWindow_countsAreComparedUpToTenMinutesApart_andTimeDecidesBeyond() {
        PresenceEvent higher = connected("b", 9, Duration.ZERO);
        PresenceEvent atWindow = connected("a", 2, Presence.VERSION_WINDOW);
        PresenceEvent beyond = connected("a", 2, Presence.VERSION_WINDOW.plusMillis(1));

        assertThat(Presence.compare(higher, atWindow)).isPositive();
        assertThat(Presence.compare(atWindow, higher)).isNegative();
        assertThat(Presence.compare(beyond, higher)).isPositive();
        assertThat(Presence.compare(higher, beyond)).isNegative();
    }

    /** Two sessions, a takeover, a lost keep-alive, an hour's idleness and a reset count, and one duplicate. */
    private static final List<PresenceEvent> HISTORY = List.of(
            connected("a", 3, Duration.ZERO),
            disconnected("a", 3, Duration.ofMinutes(5), "CONNECTION_LOST"),
            connected("b", 4, Duration.ofMinutes(6)),
            connected("c", 5, Duration.ofMinutes(8)),
            disconnected("b", 4, Duration.ofMinutes(8).plusMillis(2), "DUPLICATE_CLIENTID"),
            disconnected("c", 5, Duration.ofMinutes(60), "MQTT_KEEP_ALIVE_TIMEOUT"),
            connected("d", 0, Duration.ofMinutes(130)),
            disconnected("b", 4, Duration.ofMinutes(8).plusMillis(2), "DUPLICATE_CLIENTID"));

    @Test
    void everyArrivalOrder_ofAHistoryWithATakeoverAResetAndADuplicate_endsInTheSameTrueState() {
        PresenceState truth = new PresenceState(HISTORY.get(6), HISTORY.get(5));
        int[] orders = {0};

        permutations(new ArrayList<>(HISTORY), 0, order -> {
            assertThat(applyAll(order)).as("%s", order).isEqualTo(truth);
            orders[0]++;
        });

        assertThat(orders[0]).isEqualTo(40320);
    }

    @Test
    void randomRealisticHistories_inAnyOrderWithDuplicates_endInTheirTrueState_andAreTotallyOrdered() {
        Random random = new Random(20261125L);
        for (int history = 0; history < 400; history++) {
            Simulated simulated = simulate(random, 1 + random.nextInt(8));
            List<PresenceEvent> events = simulated.events();
            for (int shuffle = 0; shuffle < 30; shuffle++) {
                List<PresenceEvent> delivered = new ArrayList<>(events);
                for (int duplicates = random.nextInt(4); duplicates > 0; duplicates--) {
                    delivered.add(events.get(random.nextInt(events.size())));
                }
                Collections.shuffle(delivered, random);
                assertThat(applyAll(delivered)).as("history %d, delivered %s", history, delivered)
                        .isEqualTo(simulated.truth());
            }
            assertTotalOrder(events);
        }
    }

    /** Antisymmetric, and transitive over every triple: the recorded state cannot depend on arrival order. */
    private static void assertTotalOrder(List<PresenceEvent> events) {
        for (PresenceEvent a : events) {
            for (PresenceEvent b : events) {
                assertThat(Integer.signum(Presence.compare(a, b))).isEqualTo(-Integer.signum(Presence.compare(b, a)));
                assertThat(Presence.compare(a, b) == 0).isEqualTo(a.equals(b));
                for (PresenceEvent c : events) {
                    if (Presence.compare(a, b) > 0 && Presence.compare(b, c) > 0) {
                        assertThat(Presence.compare(a, c)).as("%s > %s > %s", a, b, c).isPositive();
                    }
                }
            }
        }
    }

    private record Simulated(List<PresenceEvent> events, PresenceState truth) {
    }

    /**
     * Sessions as IoT Core numbers them: the count rises by one per session and restarts at 0 after more than an
     * hour without a connection; a session ends by the device, a lost connection, or a takeover (the next session
     * connects first, and IoT Core stamps the old one's disconnect a few milliseconds later); the last may still be
     * open. The truth is the last session's last event, and the last disconnect in session order.
     */
    private static Simulated simulate(Random random, int sessions) {
        List<PresenceEvent> events = new ArrayList<>();
        PresenceEvent current = null;
        PresenceEvent lastDisconnect = null;
        long version = random.nextInt(20);
        long clock = 0;
        for (int i = 0; i < sessions; i++) {
            String session = "s" + i;
            PresenceEvent up = connected(session, version, Duration.ofMillis(clock));
            events.add(up);
            current = up;
            boolean last = i == sessions - 1;
            clock += 1 + random.nextInt(600_000);
            if (last && random.nextBoolean()) {
                break; // still connected
            }
            int end = random.nextInt(3);
            if (end == 0 && !last) {
                // takeover: the next session connects now; the old disconnect is stamped just after
                PresenceEvent down = disconnected(session, version, Duration.ofMillis(clock + 1 + random.nextInt(20)),
                        "DUPLICATE_CLIENTID");
                events.add(down);
                lastDisconnect = down;
                version++;
                continue;
            }
            PresenceEvent down = disconnected(session, version, Duration.ofMillis(clock),
                    end == 1 ? "CLIENT_INITIATED_DISCONNECT" : "CONNECTION_LOST");
            events.add(down);
            current = down;
            lastDisconnect = down;
            boolean idleLong = random.nextInt(4) == 0;
            clock += idleLong ? 3_700_000 + random.nextInt(7_200_000) : 1 + random.nextInt(120_000);
            version = idleLong ? 0 : version + 1;
        }
        return new Simulated(List.copyOf(events), new PresenceState(current, lastDisconnect));
    }

    private static void permutations(List<PresenceEvent> events, int from, Consumer<List<PresenceEvent>> each) {
        if (from == events.size()) {
            each.accept(events);
            return;
        }
        for (int i = from; i < events.size(); i++) {
            Collections.swap(events, from, i);
            permutations(events, from + 1, each);
            Collections.swap(events, from, i);
        }
    }
}
