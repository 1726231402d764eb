package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.functions.service.MotoTelemetry.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.lambda.StaffInbox;
import org.wardwatch.functions.lambda.Telemetry;
import org.wardwatch.model.news2.Consciousness;
import java.time.ZoneOffset;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.lambda.TestTenant;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.tenant.News2Settings;

/**
 * A bed's NEWS2 alert through the telemetry service and nurse observations on the emulator (functions/README.md,
 * "NEWS2"): the score and the state machine are unit-tested in model and core; these show that the bed's stored
 * state, its outbox and the notifications follow them. Each test has its own ward.
 */
class News2AtTheBedTest {

    private final String ward = "N2-" + UUID.randomUUID().toString().substring(0, 6);

    private static byte[] message(String id, String time, String... readings) {
        return Telemetry.payload(id, time, String.join(",", readings)).getBytes(StandardCharsets.UTF_8);
    }

    private static String r(String metric, double value, String unit) {
        return Telemetry.reading(metric, value, unit);
    }

    private static String line(StaffInbox.Notification n) {
        return n.text("type") + " " + n.text("transition") + " " + n.text("severity") + " "
                + (n.text("score") == null ? n.text("metric") : n.text("score")) + " " + n.text("deviceTime");
    }

    private final String t0 = "2026-11-25T22:30:";

    @Test
    void fourModerateSignsFromThreeDevicesRaiseOneNews2AlertAndNoThresholdPage() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-ox", "pulse_oximeter", ward, "2");
            moto.tenant.registerDevice(ward + "-bp", "bp_monitor", ward, "2");
            moto.tenant.registerDevice(ward + "-ecg", "cardiac_monitor", ward, "2");
            TelemetryService service = moto.news2Service(ward);
            Envelope ox = envelope(ward + "-ox");
            Envelope bp = envelope(ward + "-bp");
            Envelope ecg = envelope(ward + "-ecg");

            service.process(ox, message("o-1", t0 + "00Z", r("spo2", 93, "%"), r("heart_rate", 115, "/min")));
            service.process(bp, message("b-1", t0 + "10Z", r("systolic_bp", 98, "mm[Hg]"),
                    r("diastolic_bp", 60, "mm[Hg]")));
            TelemetryResult escalated = service.process(ecg, message("e-1", t0 + "20Z", r("respiratory_rate", 22, "/min"),
                    r("heart_rate", 115, "/min")));
            TelemetryResult again = service.process(ecg, message("e-1", t0 + "20Z",
                    r("respiratory_rate", 22, "/min"), r("heart_rate", 115, "/min")));

            assertThat(StaffInbox.forBed(ward, "2")).extracting(News2AtTheBedTest::line).containsExactly(
                    "NEWS2 OPENED WARNING 6 2026-11-25T22:30:10Z",
                    "NEWS2 ESCALATED CRITICAL 8 2026-11-25T22:30:20Z");
            assertThat(escalated.notifications()).isEqualTo(1);
            assertThat(again.outcome()).isEqualTo(TelemetryResult.Outcome.DUPLICATE);
            StaffInbox.Notification critical = StaffInbox.forBed(ward, "2").get(1);
            assertThat(critical.text("partial")).isEqualTo("true");
            assertThat(critical.text("sms")).startsWith("[wardwatch] CRITICAL NEWS2 8 partial | " + ward
                    + " bed 2 | RR 2 SpO2 2 SBP 2 HR 2 | escalated 22:30 UTC | #");
        }
    }

    @Test
    void theAlertResolvesOnlyOnceTheScoreHasBeenLowForTheResolveDelay() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-ecg", "cardiac_monitor", ward, "3");
            moto.tenant.registerDevice(ward + "-bp", "bp_monitor", ward, "3");
            TelemetryService service = moto.news2Service(ward);
            Envelope ecg = envelope(ward + "-ecg");
            Envelope bp = envelope(ward + "-bp");

            service.process(bp, message("b-1", t0 + "00Z", r("systolic_bp", 88, "mm[Hg]")));
            service.process(bp, message("b-2", t0 + "30Z", r("systolic_bp", 125, "mm[Hg]")));
            service.process(ecg, message("e-1", t0 + "50Z", r("heart_rate", 80, "/min")));
            service.process(ecg, message("e-2", "2026-11-25T22:31:30Z", r("heart_rate", 82, "/min")));

            assertThat(StaffInbox.forBed(ward, "3")).extracting(News2AtTheBedTest::line).containsExactly(
                    "NEWS2 OPENED WARNING 3 2026-11-25T22:30:00Z",
                    "NEWS2 RESOLVED WARNING 0 2026-11-25T22:31:30Z");
        }
    }

    @Test
    void aNurseObservingOxygenAndThenConfusionRaisesAndEscalatesTheBedsAlert() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-ecg", "cardiac_monitor", ward, "4");
            TelemetryService service = moto.news2Service(ward);
            ObservationService observations = moto.observations(ward);

            service.process(envelope(ward + "-ecg"), message("e-1", t0 + "00Z", r("respiratory_rate", 21, "/min"),
                    r("heart_rate", 95, "/min"), r("spo2", 95, "%")));
            ObservationService.Outcome oxygen = observations.observe(ward, "4", null, true, "nurse-0017",
                    Instant.parse(t0 + "30Z"));
            observations.observe(ward, "4", Consciousness.NEW_CONFUSION, null, "nurse-0017",
                    Instant.parse(t0 + "40Z"));
            ObservationService.Outcome same = observations.observe(ward, "4", Consciousness.NEW_CONFUSION, null,
                    "nurse-0017", Instant.parse(t0 + "40Z"));

            assertThat(oxygen.score()).hasValueSatisfying(s -> assertThat(s.total()).isEqualTo(6));
            assertThat(oxygen.observations().oxygen()).isTrue();
            assertThat(same.transition()).as("the same observation again").isEmpty();
            List<StaffInbox.Notification> inbox = StaffInbox.forBed(ward, "4");
            assertThat(inbox).extracting(News2AtTheBedTest::line).containsExactly(
                    "NEWS2 OPENED WARNING 6 2026-11-25T22:30:30Z",
                    "NEWS2 ESCALATED CRITICAL 9 2026-11-25T22:30:40Z");
            assertThat(inbox.get(1).text("device")).isEqualTo("nurse-0017");
        }
    }

    @Test
    void twoDevicesOfOneBedProcessedAtOnceAreScoredTogether() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-ox", "pulse_oximeter", ward, "6");
            moto.tenant.registerDevice(ward + "-bp", "bp_monitor", ward, "6");
            TelemetryService plain = moto.news2Service(ward);
            plain.process(envelope(ward + "-ox"), message("o-1", t0 + "00Z", r("spo2", 96, "%"),
                    r("heart_rate", 115, "/min")));
            plain.process(envelope(ward + "-bp"), message("b-1", t0 + "05Z", r("systolic_bp", 120, "mm[Hg]")));

            // The BP monitor's message is processed whole after the oximeter's read the bed and before it wrote:
            // each alone scores 4 (low), together 6 (medium).
            TelemetryService interleaved = moto.news2Service(ward, new InterleavingStore(moto.store,
                    () -> plain.process(envelope(ward + "-bp"), message("b-2", t0 + "10Z",
                            r("systolic_bp", 98, "mm[Hg]")))));
            interleaved.process(envelope(ward + "-ox"), message("o-2", t0 + "10Z", r("spo2", 93, "%"),
                    r("heart_rate", 115, "/min")));

            assertThat(StaffInbox.forBed(ward, "6")).extracting(News2AtTheBedTest::line)
                    .containsExactly("NEWS2 OPENED WARNING 6 2026-11-25T22:30:10Z");
        }
    }

    @Test
    void aDischargeResolvesTheBedsOpenNews2AndThresholdAlertsSayingWhy() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-bp", "bp_monitor", ward, "7");
            moto.tenant.registerDevice(ward + "-gluc7", "glucose_meter", ward, "7");
            moto.news2Service(ward).process(envelope(ward + "-gluc7"), message("g-7", t0 + "05Z",
                    r("glucose", 40, "mg/dL")));
            moto.news2Service(ward).process(envelope(ward + "-bp"), message("b-1", t0 + "00Z",
                    r("systolic_bp", 88, "mm[Hg]")));
            moto.observations(ward).observe(ward, "7", Consciousness.VOICE, null, "nurse-0017",
                    Instant.parse(t0 + "10Z"));
            StoredBedAlerts bedAlerts = new StoredBedAlerts(moto.store, moto.publisher, TestTenant.ID, ZoneOffset.UTC,
                    News2Settings.DEFAULTS);

            List<String> resolved = bedAlerts.resolveAll(ward, "7", "adm-0007", AlertTransition.DISCHARGED,
                    Instant.parse(t0 + "20Z"));

            assertThat(StaffInbox.forBed(ward, "7")).extracting(n -> line(n) + " " + n.text("reason"))
                    .containsExactly("NEWS2 OPENED WARNING 3 2026-11-25T22:30:00Z null",
                            "THRESHOLD OPENED CRITICAL glucose 2026-11-25T22:30:05Z null",
                            "THRESHOLD RESOLVED CRITICAL glucose 2026-11-25T22:30:20Z DISCHARGED",
                            "NEWS2 RESOLVED WARNING 6 2026-11-25T22:30:20Z DISCHARGED");
            assertThat(resolved).hasSize(2);
            assertThat(moto.store.news2Bed(ward, "7").news2().state().severity()).isEqualTo(Severity.NONE);
        }
    }

    @Test
    void glucoseOnANews2WardKeepsItsThresholdAlert() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice(ward + "-gluc", "glucose_meter", ward, "5");

            moto.news2Service(ward).process(envelope(ward + "-gluc"), message("g-1", t0 + "00Z",
                    r("glucose", 40, "mg/dL")));

            assertThat(StaffInbox.forBed(ward, "5")).extracting(News2AtTheBedTest::line)
                    .containsExactly("THRESHOLD OPENED CRITICAL glucose 2026-11-25T22:30:00Z");
        }
    }
}
