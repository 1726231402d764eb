package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.functions.service.MotoTelemetry.envelope;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.AlertRecord.TimelineEntry;
import org.wardwatch.functions.lambda.StaffInbox;
import org.wardwatch.model.escalation.EscalationPolicy;

/**
 * The escalation check against a clock (functions/README.md, "Acknowledgement and escalation"), on the emulator:
 * alerts opened by real readings through the telemetry service, records in the readings table, notifications
 * published to SNS through a counting wrapper of the real publisher. Each test has its own ward, and its checks
 * see only that ward's records.
 */
class EscalationScheduleTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final String ward = "ES-" + UUID.randomUUID().toString().substring(0, 6);

    static Instant at(String minutesSeconds) {
        String[] parts = minutesSeconds.split(":");
        return T0.plus(Duration.ofMinutes(Long.parseLong(parts[0])).plusSeconds(Long.parseLong(parts[1])));
    }

    /** An SpO2 reading of {@code value} at {@code bed} at {@code time}; returns the alert id of its bed's alert. */
    static String spo2(MotoTelemetry moto, String ward, String bed, Instant time, int value) {
        String thing = ward + "-ox-" + bed;
        moto.tenant.registerDevice(thing, "pulse_oximeter", ward, bed);
        moto.service(moto.store, moto.recording).process(envelope(thing),
                MotoTelemetry.spo2(UUID.randomUUID().toString(), time.toString(), value));
        return moto.records.find(StaffInbox.forDevice(thing).get(0).text("alertId")).orElseThrow().record()
                .alertId();
    }

    static EscalationService checks(MotoTelemetry moto, AlertRecordStore records, AlertPublisher publisher) {
        return new EscalationService(org.wardwatch.functions.lambda.TestTenant.ID, records, publisher,
                ward -> EscalationPolicy.defaults(), ZoneOffset.UTC);
    }

    private static String step(String transition, Instant clockFrom, int n) {
        return transition + " S#" + clockFrom + "#" + n;
    }

    @Test
    void aCriticalIsRemindedAtThreeMinutesThenSentToTierTwoAtFiveAndTierThreeAtTenAndNothingBefore() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String alertId = spo2(moto, ward, "12", T0, 85);
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            EscalationService checks = checks(moto, new WardRecords(moto.records, ward), counted);

            assertThat(checks.check(at("2:59")).sent()).isZero();
            assertThat(checks.check(at("3:00"))).isEqualTo(new EscalationService.Check(1, 1, 0));
            assertThat(checks.check(at("4:59")).sent()).isZero();
            assertThat(checks.check(at("5:00")).sent()).isEqualTo(1);
            assertThat(checks.check(at("9:59")).sent()).isZero();
            assertThat(checks.check(at("10:00")).sent()).isEqualTo(1);
            assertThat(checks.check(at("40:00")).sent()).isZero();

            assertThat(counted.sent()).containsExactly(step("REMINDER", T0, 0), step("UNACKNOWLEDGED", T0, 1),
                    step("UNACKNOWLEDGED", T0, 2));
            assertThat(counted.published).extracting(a -> CountingPublisher.document(a).get("tiers").toString())
                    .containsExactly("[1]", "[2]", "[3]");
            assertThat(StaffInbox.forAlert(alertId)).extracting(n -> n.attributes().get("transition"))
                    .containsExactlyInAnyOrder("OPENED", "REMINDER", "UNACKNOWLEDGED", "UNACKNOWLEDGED");
            AlertRecordStore.Stored stored = moto.records.find(alertId).orElseThrow();
            assertThat(stored.pending()).isEmpty();
            assertThat(stored.record().highestTier()).isEqualTo(3);
            assertThat(stored.record().timeline()).extracting(e -> e.event() + " " + e.at() + " tier " + e.tier())
                    .containsExactly("OPENED " + T0 + " tier 1", "REMINDER " + at("3:00") + " tier 1",
                            "UNACKNOWLEDGED " + at("5:00") + " tier 2", "UNACKNOWLEDGED " + at("10:00") + " tier 3");
        }
    }

    @Test
    void aCheckLateBySeveralMinutesSendsEveryStepDueAtOnceInOrder() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String alertId = spo2(moto, ward, "3", T0, 85);
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            EscalationService checks = checks(moto, new WardRecords(moto.records, ward), counted);

            assertThat(checks.check(at("6:30")).sent()).as("the reminder and tier 2").isEqualTo(2);
            assertThat(checks.check(at("17:00")).sent()).isEqualTo(1);

            assertThat(counted.sent()).containsExactly(step("REMINDER", T0, 0), step("UNACKNOWLEDGED", T0, 1),
                    step("UNACKNOWLEDGED", T0, 2));
            assertThat(moto.records.find(alertId).orElseThrow().record().timeline()).extracting(TimelineEntry::at)
                    .containsExactly(T0, at("6:30"), at("6:30"), at("17:00"));
        }
    }

    @Test
    void aWarningGoesToTierTwoAtFifteenMinutesAndNotBefore() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            spo2(moto, ward, "5", T0, 93);
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            EscalationService checks = checks(moto, new WardRecords(moto.records, ward), counted);

            for (String minute : new String[] {"3:00", "5:00", "10:00", "14:59"}) {
                assertThat(checks.check(at(minute)).sent()).as("at " + minute).isZero();
            }
            assertThat(checks.check(at("15:00")).sent()).isEqualTo(1);
            assertThat(checks.check(at("59:00")).sent()).isZero();

            assertThat(counted.sent()).containsExactly(step("UNACKNOWLEDGED", T0, 0));
            assertThat(counted.published.get(0).attributes()).containsEntry("severity", "WARNING");
            assertThat(CountingPublisher.document(counted.published.get(0)).get("tiers").toString()).isEqualTo("[2]");
        }
    }

    @Test
    void anEscalationToCriticalRestartsTheClockFromTheTransition() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String alertId = spo2(moto, ward, "7", T0, 93);
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            EscalationService checks = checks(moto, new WardRecords(moto.records, ward), counted);
            assertThat(checks.check(at("9:00")).sent()).isZero();

            spo2(moto, ward, "7", at("10:00"), 85);

            assertThat(checks.check(at("12:59")).sent()).as("neither the warning's 15 minutes nor the critical's "
                    + "steps from the opening").isZero();
            assertThat(checks.check(at("13:00")).sent()).isEqualTo(1);
            assertThat(checks.check(at("14:59")).sent()).isZero();
            assertThat(checks.check(at("15:00")).sent()).isEqualTo(1);
            assertThat(counted.sent()).containsExactly(step("REMINDER", at("10:00"), 0),
                    step("UNACKNOWLEDGED", at("10:00"), 1));
            assertThat(counted.published).allSatisfy(a -> assertThat(a.attributes())
                    .containsEntry("severity", "CRITICAL"));
            assertThat(moto.records.find(alertId).orElseThrow().record().clockFrom()).isEqualTo(at("10:00"));
        }
    }

    @Test
    void anAlertResolvedBeforeItsReminderGetsNothingMore() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String alertId = spo2(moto, ward, "9", T0, 85);
            spo2(moto, ward, "9", at("2:00"), 97);
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            EscalationService checks = checks(moto, new WardRecords(moto.records, ward), counted);

            assertThat(checks.check(at("3:00"))).isEqualTo(new EscalationService.Check(0, 0, 0));
            assertThat(checks.check(at("10:00")).sent()).isZero();

            assertThat(counted.published).isEmpty();
            assertThat(StaffInbox.forAlert(alertId)).extracting(n -> n.attributes().get("transition"))
                    .containsExactlyInAnyOrder("OPENED", "RESOLVED");
            assertThat(moto.records.find(alertId).orElseThrow().record().timeline()).extracting(TimelineEntry::event)
                    .containsExactly("OPENED", "RESOLVED");
        }
    }

    @Test
    void aPublishThatFailsIsLeftPendingCountedAndSentOnceByTheNextCheck() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String alertId = spo2(moto, ward, "14", T0, 85);
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            AtomicInteger failures = new AtomicInteger(1);
            AlertPublisher failingOnce = alert -> {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("SNS throttled the publish");
                }
                return counted.publish(alert);
            };
            WardRecords records = new WardRecords(moto.records, ward);
            EscalationService checks = checks(moto, records, failingOnce);

            assertThat(checks.check(at("3:00"))).isEqualTo(new EscalationService.Check(1, 0, 1));
            assertThat(moto.records.find(alertId).orElseThrow().pending()).singleElement().satisfies(p -> {
                assertThat(p.alert().key()).isEqualTo("S#" + T0 + "#0");
                assertThat(p.claimedUntil()).as("released for the next check").isNull();
            });
            assertThat(checks.check(at("3:30"))).isEqualTo(new EscalationService.Check(1, 1, 0));
            assertThat(checks.check(at("4:00")).sent()).isZero();

            assertThat(counted.sent()).containsExactly(step("REMINDER", T0, 0));
            assertThat(moto.records.find(alertId).orElseThrow().pending()).isEmpty();
        }
    }

    /** An instance lost right after SNS accepted a publish: nothing after it runs. */
    private static final class InstanceLost extends Error {
        InstanceLost() {
            super("instance lost after publish");
        }
    }

    /**
     * The one case of a second send: the sender died between the publish and the write that takes the notification
     * out of the outbox, so its claim stands until {@link EscalationService#CLAIM} lapses, and then the
     * notification is sent again (the same one: same key, same text).
     */
    @Test
    void aSenderThatDiedAfterPublishingIsSentAgainOnlyOnceItsClaimLapsed() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String alertId = spo2(moto, ward, "15", T0, 85);
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            AtomicInteger publishes = new AtomicInteger();
            AlertPublisher dyingAfterFirst = alert -> {
                String id = counted.publish(alert);
                if (publishes.incrementAndGet() == 1) {
                    throw new InstanceLost();
                }
                return id;
            };
            EscalationService checks = checks(moto, new WardRecords(moto.records, ward), dyingAfterFirst);

            assertThatThrownBy(() -> checks.check(at("3:00"))).isInstanceOf(InstanceLost.class);
            assertThat(checks.check(at("4:00")).sent()).as("still claimed").isZero();
            assertThat(checks.check(at("5:00")).sent()).as("tier 2 only").isEqualTo(1);
            assertThat(checks.check(at("7:59")).sent()).as("claimed until 8:00").isZero();
            assertThat(checks.check(at("8:00")).sent()).as("the claim lapsed").isEqualTo(1);
            assertThat(checks.check(at("9:00")).sent()).isZero();

            assertThat(counted.sent()).containsExactly(step("REMINDER", T0, 0), step("UNACKNOWLEDGED", T0, 1),
                    step("REMINDER", T0, 0));
            assertThat(counted.published.get(2)).isEqualTo(counted.published.get(0));
            assertThat(moto.records.find(alertId).orElseThrow().pending()).isEmpty();
        }
    }

    @Test
    void aRecordWhoseWriteFailsDoesNotStopTheOthersAndIsSentByTheNextCheck() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String first = spo2(moto, ward, "21", T0, 85);
            String second = spo2(moto, ward, "22", T0, 85);
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            EscalationService failingFirstWrite = checks(moto, new WardRecords(moto.records, ward, 1, () -> {
                throw new IllegalStateException("DynamoDB unavailable");
            }), counted);

            assertThatThrownBy(() -> failingFirstWrite.check(at("3:00"))).hasMessage("DynamoDB unavailable");
            assertThat(counted.published).as("the other record's reminder").hasSize(1);
            assertThat(checks(moto, new WardRecords(moto.records, ward), counted).check(at("3:30")))
                    .isEqualTo(new EscalationService.Check(2, 1, 0));

            assertThat(counted.published).extracting(a -> CountingPublisher.document(a).get("alertId").asText())
                    .containsExactlyInAnyOrder(first, second);
        }
    }
}
