package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.functions.service.MotoTelemetry.envelope;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.core.AlertRecord.TimelineEntry;
import org.wardwatch.functions.lambda.StaffInbox;
import org.wardwatch.functions.lambda.Telemetry;
import org.wardwatch.model.alert.Severity;

/**
 * Every alert's record, written as it is published (functions/README.md, "Acknowledgement and escalation"): the
 * telemetry service publishing through a {@link RecordingPublisher} on the emulator, records in the readings table
 * ({@code AL#<alertId>}) and the open ones in its {@code byOpenAlert} index. Each test has its own ward.
 */
class AlertRecordsTest {

    private final String ward = "AR-" + UUID.randomUUID().toString().substring(0, 6);

    private static byte[] spo2(String id, String time, double value) {
        return Telemetry.payload(id, time, Telemetry.reading("spo2", value, "%")).getBytes(StandardCharsets.UTF_8);
    }

    private static String timeline(TimelineEntry e) {
        return e.event() + " " + e.at() + " " + e.severity() + " tier " + e.tier();
    }

    /** Keeps every alert it is given, then publishes it through {@code next}. */
    private static final class Kept implements AlertPublisher {
        final List<OutgoingAlert> alerts = new ArrayList<>();
        private final AlertPublisher next;

        Kept(AlertPublisher next) {
            this.next = next;
        }

        @Override
        public String publish(OutgoingAlert alert) {
            alerts.add(alert);
            return next.publish(alert);
        }
    }

    @Test
    void anAlertOpenedEscalatedAndResolvedLeavesOneClosedRecordWithItsTimeline() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-ox", "pulse_oximeter", ward, "12");
            Kept kept = new Kept(moto.recording);
            TelemetryService service = moto.service(moto.store, kept);

            service.process(envelope(ward + "-ox"), spo2("r-1", "2026-11-25T22:30:00Z", 93));
            service.process(envelope(ward + "-ox"), spo2("r-2", "2026-11-25T22:31:00Z", 85));
            TelemetryResult redelivered = service.process(envelope(ward + "-ox"),
                    spo2("r-2", "2026-11-25T22:31:00Z", 85));
            service.process(envelope(ward + "-ox"), spo2("r-3", "2026-11-25T22:32:00Z", 97));
            kept.alerts.forEach(moto.recording::publish);

            assertThat(redelivered.outcome()).isEqualTo(TelemetryResult.Outcome.DUPLICATE);
            assertThat(kept.alerts).hasSize(3);
            String alertId = StaffInbox.forDevice(ward + "-ox").get(0).text("alertId");
            AlertRecordStore.Stored stored = moto.records.find(alertId).orElseThrow();
            AlertRecord record = stored.record();
            assertThat(record.timeline()).extracting(AlertRecordsTest::timeline).containsExactly(
                    "OPENED 2026-11-25T22:30:00Z WARNING tier 1",
                    "ESCALATED 2026-11-25T22:31:00Z CRITICAL tier 1",
                    "RESOLVED 2026-11-25T22:32:00Z NONE tier 1");
            assertThat(stored.version()).as("each alert published again changed nothing").isEqualTo(3);
            assertThat(record.open()).isFalse();
            assertThat(record.severity()).isEqualTo(Severity.NONE);
            assertThat(record.type()).isEqualTo("THRESHOLD");
            assertThat(record.ward()).isEqualTo(ward);
            assertThat(record.place()).isEqualTo("bed 12");
            assertThat(record.subject()).isEqualTo("spo2");
            assertThat(record.clockFrom()).hasToString("2026-11-25T22:31:00Z");
            assertThat(moto.records.open()).extracting(s -> s.record().alertId()).doesNotContain(alertId);
            assertThat(moto.records.openAt(ward, "bed 12", "THRESHOLD", null)).isEmpty();
        }
    }

    @Test
    void anOpenBedAlertIsFoundByItsWardBedTypeAndMetric() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-ox", "pulse_oximeter", ward, "4");
            TelemetryService service = moto.service(moto.store, moto.recording);

            service.process(envelope(ward + "-ox"), spo2("o-1", "2026-11-25T22:30:00Z", 85));

            String alertId = StaffInbox.forDevice(ward + "-ox").get(0).text("alertId");
            assertThat(moto.records.openAt(ward, "bed 4", "THRESHOLD", "spo2"))
                    .extracting(s -> s.record().alertId()).containsExactly(alertId);
            assertThat(moto.records.openAt(ward, "bed 4", "THRESHOLD", null))
                    .extracting(s -> s.record().alertId()).containsExactly(alertId);
            assertThat(moto.records.openAt(ward, "bed 4", "THRESHOLD", "heart_rate")).isEmpty();
            assertThat(moto.records.openAt(ward, "bed 4", "NEWS2", null)).isEmpty();
            assertThat(moto.records.openAt(ward, "bed 41", "THRESHOLD", null)).as("bed 41 is not bed 4").isEmpty();
            assertThat(moto.records.open()).extracting(s -> s.record().alertId()).contains(alertId);
            assertThat(moto.records.find(alertId).orElseThrow().record()).satisfies(r -> {
                assertThat(r.open()).isTrue();
                assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(r.stepsSent()).isZero();
                assertThat(r.highestTier()).isEqualTo(1);
                assertThat(r.acknowledged()).isFalse();
            });
        }
    }

    @Test
    void aNews2AlertIsRecordedAtItsBedAboutNews2() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-bp", "bp_monitor", ward, "3");
            TelemetryService service = moto.news2Service(ward, moto.store, moto.recording);

            service.process(envelope(ward + "-bp"), Telemetry.payload("b-1", "2026-11-25T22:30:00Z",
                    Telemetry.reading("systolic_bp", 88, "mm[Hg]")).getBytes(StandardCharsets.UTF_8));

            assertThat(moto.records.openAt(ward, "bed 3", "NEWS2", "news2")).singleElement().satisfies(s -> {
                assertThat(s.record().alertId()).isEqualTo(StaffInbox.forBed(ward, "3").get(0).text("alertId"));
                assertThat(s.record().severity()).isEqualTo(Severity.WARNING);
                assertThat(s.record().timeline()).extracting(TimelineEntry::event).containsExactly("OPENED");
            });
        }
    }

    @Test
    void aDeviceAlertOfAMonitorAtABedIsRecordedAtTheDeviceNotTheBed() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String thing = ward + "-ecg";
            moto.tenant.registerDevice(thing, "cardiac_monitor", ward, "5");
            TelemetryService service = moto.service(moto.store, moto.recording);

            service.process(envelope(thing), Telemetry.payload("d-1", "2026-11-25T22:30:00Z",
                    Telemetry.reading("heart_rate", 80, "/min")).replace("\"battery\":0.8", "\"battery\":0.1")
                    .getBytes(StandardCharsets.UTF_8));

            assertThat(moto.records.openAt(ward, thing, "DEVICE", "battery")).singleElement()
                    .satisfies(s -> assertThat(s.record().alertId())
                            .isEqualTo(StaffInbox.forDevice(thing).get(0).text("alertId")));
            assertThat(moto.records.openAt(ward, "bed 5", "DEVICE", null)).isEmpty();
        }
    }

    /** The records, with {@code before} run once just before the first write. */
    private static AlertRecordStore interleaving(AlertRecordStore records, Runnable before) {
        return interleaving(records, before, 1);
    }

    /** The records, with {@code before} run just before each of the first {@code times} writes. */
    private static AlertRecordStore interleaving(AlertRecordStore records, Runnable before, int times) {
        return new AlertRecordStore() {
            private int ran;

            @Override
            public java.util.Optional<Stored> find(String alertId) {
                return records.find(alertId);
            }

            @Override
            public List<Stored> open() {
                return records.open();
            }

            @Override
            public List<Stored> openAt(String ward, String place, String type, String subject) {
                return records.openAt(ward, place, type, subject);
            }

            @Override
            public List<Stored> ofWard(String ward, java.time.Instant from, java.time.Instant to, String before) {
                return records.ofWard(ward, from, to, before);
            }

            @Override
            public boolean write(Stored expected, AlertRecord next, List<Pending> pending) {
                if (ran < times) {
                    ran++;
                    before.run();
                }
                return records.write(expected, next, pending);
            }
        };
    }

    @Test
    void aTransitionRecordedWhileAnotherIsWrittenIsReadAgainAndBothAreKept() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-ox", "pulse_oximeter", ward, "7");
            Kept kept = new Kept(moto.publisher);
            TelemetryService service = moto.service(moto.store, kept);
            service.process(envelope(ward + "-ox"), spo2("c-1", "2026-11-25T22:30:00Z", 93));
            service.process(envelope(ward + "-ox"), spo2("c-2", "2026-11-25T22:31:00Z", 85));
            service.process(envelope(ward + "-ox"), spo2("c-3", "2026-11-25T22:32:00Z", 97));
            AlertRecorder recorder = new AlertRecorder(moto.records);
            assertThat(recorder.record(kept.alerts.get(0))).get().extracting(AlertRecord::timeline)
                    .asList().hasSize(1);

            java.util.Optional<AlertRecord> returned = new AlertRecorder(interleaving(moto.records,
                    () -> recorder.record(kept.alerts.get(1)))).record(kept.alerts.get(2));

            String alertId = StaffInbox.forDevice(ward + "-ox").get(0).text("alertId");
            AlertRecordStore.Stored stored = moto.records.find(alertId).orElseThrow();
            assertThat(returned).as("the record after recording").contains(stored.record());
            assertThat(stored.record().timeline()).extracting(TimelineEntry::event)
                    .containsExactly("OPENED", "ESCALATED", "RESOLVED");
            assertThat(stored.record().open()).isFalse();
            assertThat(stored.version()).isEqualTo(3);
        }
    }

    @Test
    void aTransitionWhoseAlertHasNoRecordIsNotRecorded() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-ox", "pulse_oximeter", ward, "8");
            Kept kept = new Kept(moto.publisher);
            TelemetryService service = moto.service(moto.store, kept);
            service.process(envelope(ward + "-ox"), spo2("n-1", "2026-11-25T22:30:00Z", 93));
            service.process(envelope(ward + "-ox"), spo2("n-2", "2026-11-25T22:31:00Z", 97));

            assertThat(new AlertRecorder(moto.records).record(kept.alerts.get(1))).isEmpty();

            String alertId = StaffInbox.forDevice(ward + "-ox").get(0).text("alertId");
            assertThat(moto.records.find(alertId)).isEmpty();
        }
    }

    @Test
    void aRecordWrittenByOthersBeforeEachOfEightAttemptsFailsTheInvocationAndLeavesTheirs() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-ox", "pulse_oximeter", ward, "9");
            Kept kept = new Kept(moto.publisher);
            TelemetryService service = moto.service(moto.store, kept);
            service.process(envelope(ward + "-ox"), spo2("e-1", "2026-11-25T22:30:00Z", 93));
            service.process(envelope(ward + "-ox"), spo2("e-2", "2026-11-25T22:31:00Z", 97));
            new AlertRecorder(moto.records).record(kept.alerts.get(0));
            String alertId = StaffInbox.forDevice(ward + "-ox").get(0).text("alertId");
            int[] othersWrote = {0};
            Runnable another = () -> {
                AlertRecordStore.Stored now = moto.records.find(alertId).orElseThrow();
                assertThat(moto.records.write(now, now.record())).isTrue();
                othersWrote[0]++;
            };

            assertThatThrownBy(() -> new AlertRecorder(interleaving(moto.records, another, 100))
                    .record(kept.alerts.get(1))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("alert " + alertId + ": its record was written by others 8 times in a row; "
                            + "RESOLVED not recorded");
            assertThat(othersWrote[0]).as("one write of ours lost to each").isEqualTo(8);
            AlertRecordStore.Stored stored = moto.records.find(alertId).orElseThrow();
            assertThat(stored.version()).isEqualTo(9);
            assertThat(stored.record().open()).isTrue();
        }
    }

    /** A new alert id beginning with {@code prefix}, in the alert ids' alphabet. */
    private static String id(String prefix) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder id = new StringBuilder(prefix);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (id.length() < 7) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static AlertRecord record(String id, String ward, java.time.Instant opened, boolean open) {
        List<TimelineEntry> timeline = new ArrayList<>(List.of(new TimelineEntry("OPENED", opened, Severity.WARNING, 1,
                null, null)));
        if (!open) {
            timeline.add(new TimelineEntry("RESOLVED", opened.plusSeconds(60), Severity.NONE, 1, null, null));
        }
        return new AlertRecord(id, "THRESHOLD", ward, "bed 3", "spo2", open ? Severity.WARNING : Severity.NONE, opened,
                opened, 0, 1, null, null, null, open ? null : opened.plusSeconds(60), timeline);
    }

    @Test
    void aWardsHistory_holdsItsOpenAndClosedRecordsOpenedInTheWindow_newestFirst_fromACursorOn() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            java.time.Instant t = java.time.Instant.parse("2026-11-25T10:00:00Z");
            moto.records.write(null, record(id("H1"), ward, t, false));
            moto.records.write(null, record(id("H2"), ward, t.plusMillis(1500), true));
            moto.records.write(null, record(id("H3"), ward, t.plusSeconds(3600), false));
            moto.records.write(null, record(id("H4"), ward + "X", t.plusSeconds(60), false));

            List<AlertRecordStore.Stored> all = moto.records.ofWard(ward, t, t.plusSeconds(7200), null);
            List<AlertRecordStore.Stored> window = moto.records.ofWard(ward, t.plusSeconds(1), t.plusSeconds(3600), null);
            String cursor = AlertRecordStore.historyKey(all.get(1).record());
            List<AlertRecordStore.Stored> after = moto.records.ofWard(ward, t, t.plusSeconds(7200), cursor);

            assertThat(all).extracting(s -> s.record().alertId().substring(0, 2)).containsExactly("H3", "H2", "H1");
            assertThat(window).as("from inclusive, to exclusive").extracting(s -> s.record().alertId().substring(0, 2))
                    .containsExactly("H2");
            assertThat(after).as("only what sorts before the cursor").extracting(s -> s.record().alertId()
                    .substring(0, 2)).containsExactly("H1");
            assertThat(AlertRecordStore.historyKey(all.get(1).record())).startsWith("2026-11-25T10:00:01.500Z#");
            assertThat(AlertRecordStore.historyKey(all.get(2).record())).startsWith("2026-11-25T10:00:00.000Z#");
        }
    }
}
