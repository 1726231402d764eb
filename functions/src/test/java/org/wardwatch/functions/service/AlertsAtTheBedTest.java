package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.functions.service.MotoTelemetry.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.lambda.StaffInbox;
import org.wardwatch.functions.lambda.Telemetry;

/**
 * Bed-level alerts through the telemetry service on the emulator (functions/README.md, "Alerts at the bed"): the
 * rules themselves are unit-tested in core; these show that the stored state, the outbox and the notifications
 * follow them.
 */
class AlertsAtTheBedTest {

    private static byte[] message(String id, String time, String readings) {
        return Telemetry.payload(id, time, readings).getBytes(StandardCharsets.UTF_8);
    }

    private static String hr(double value) {
        return Telemetry.reading("heart_rate", value, "/min");
    }

    private static String spo2(double value) {
        return Telemetry.reading("spo2", value, "%");
    }

    @Test
    void twoHeartRateSourcesAtOneBedOpenOneAlertNamingTheRankedSource() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("bed-a1-oximeter", "pulse_oximeter", "BED-A", "1");
            moto.tenant.registerDevice("bed-a1-bp", "bp_monitor", "BED-A", "1");
            TelemetryService service = moto.clinicalService();
            Envelope oximeter = envelope("bed-a1-oximeter");
            Envelope bp = envelope("bed-a1-bp");

            service.process(oximeter, message("a1-1", "2026-11-25T22:30:00Z", hr(135)));
            service.process(bp, message("a1-2", "2026-11-25T22:30:05Z", hr(136)));
            service.process(oximeter, message("a1-3", "2026-11-25T22:30:15Z", hr(137)));
            service.process(bp, message("a1-4", "2026-11-25T22:30:20Z", hr(138)));

            assertThat(StaffInbox.forDevice("bed-a1-bp")).as("the BP monitor's heart rate does not count while the "
                    + "oximeter reports").isEmpty();
            assertThat(StaffInbox.forDevice("bed-a1-oximeter")).singleElement().satisfies(n -> {
                assertThat(n.text("transition")).isEqualTo("OPENED");
                assertThat(n.text("severity")).isEqualTo("CRITICAL");
                assertThat(n.text("deviceTime")).as("held 15 s").isEqualTo("2026-11-25T22:30:15Z");
                assertThat(n.text("ward")).isEqualTo("BED-A");
                assertThat(n.text("bed")).isEqualTo("1");
            });
        }
    }

    @Test
    void aMovedMonitorResolvesItsOldBedsAlertAndStartsCleanAtTheNewBed() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("bed-b-oximeter", "pulse_oximeter", "BED-B", "1");
            TelemetryService service = moto.clinicalService();
            Envelope oximeter = envelope("bed-b-oximeter");

            service.process(oximeter, message("b-1", "2026-11-25T22:30:00Z", spo2(80)));
            moto.tenant.registerDevice("bed-b-oximeter", "pulse_oximeter", "BED-B", "2");
            TelemetryResult atNewBed = service.process(oximeter, message("b-2", "2026-11-25T22:31:00Z", spo2(97)));
            TelemetryResult again = service.process(oximeter, message("b-2", "2026-11-25T22:31:00Z", spo2(97)));

            List<StaffInbox.Notification> inbox = StaffInbox.forDevice("bed-b-oximeter");
            assertThat(inbox).extracting(n -> n.text("transition") + " " + n.text("bed") + " " + n.text("reason"))
                    .containsExactly("OPENED 1 null", "RESOLVED 1 DEVICE_REASSIGNED");
            assertThat(atNewBed.notifications()).isEqualTo(1);
            assertThat(again.outcome()).isEqualTo(TelemetryResult.Outcome.DUPLICATE);
        }
    }

    @Test
    void anUnassignedMonitorResolvesItsOldBedsAlertAndThenAlertsNobody() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("bed-f-oximeter", "pulse_oximeter", "BED-F", "1");
            TelemetryService service = moto.clinicalService();
            Envelope oximeter = envelope("bed-f-oximeter");

            service.process(oximeter, message("f-1", "2026-11-25T22:30:00Z", spo2(80)));
            moto.tenant.registerDevice("bed-f-oximeter", "pulse_oximeter", "BED-F", null);
            service.process(oximeter, message("f-2", "2026-11-25T22:31:00Z", spo2(70)));
            service.process(oximeter, message("f-3", "2026-11-25T22:32:00Z", spo2(70)));

            assertThat(StaffInbox.forDevice("bed-f-oximeter"))
                    .extracting(n -> n.text("transition") + " " + n.text("bed") + " " + n.text("reason"))
                    .containsExactly("OPENED 1 null", "RESOLVED 1 DEVICE_REASSIGNED");
        }
    }

    @Test
    void aReadingBufferedForHoursIsStoredAndCountedLateButPagesNobody() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("bed-c-oximeter", "pulse_oximeter", "BED-C", "1");
            Instant twoHoursBefore = Telemetry.RECEIVED_AT.minusSeconds(2 * 3600);

            TelemetryResult result = moto.clinicalService().process(envelope("bed-c-oximeter"),
                    message("c-1", twoHoursBefore.toString(), spo2(80)));

            assertThat(result.readingsStored()).isEqualTo(1);
            assertThat(result.readingsLate()).isEqualTo(1);
            assertThat(StaffInbox.forDevice("bed-c-oximeter")).isEmpty();
        }
    }

    @Test
    void aProbeOffPeriodIsStoredOpensNoClinicalAlertAndBecomesNoSignalAfterThirtySeconds() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("bed-d-oximeter", "pulse_oximeter", "BED-D", "1");
            TelemetryService service = moto.clinicalService();
            Envelope oximeter = envelope("bed-d-oximeter");

            TelemetryResult first = service.process(oximeter,
                    message("d-1", "2026-11-25T22:30:00Z", spo2(0) + "," + hr(0)));
            service.process(oximeter, message("d-2", "2026-11-25T22:30:29Z", spo2(0) + "," + hr(0)));
            assertThat(StaffInbox.forDevice("bed-d-oximeter")).as("29 s").isEmpty();
            service.process(oximeter, message("d-3", "2026-11-25T22:30:30Z", spo2(0) + "," + hr(0)));
            service.process(oximeter, message("d-4", "2026-11-25T22:30:40Z", spo2(97) + "," + hr(80)));

            assertThat(first.readingsStored()).isEqualTo(2);
            assertThat(StaffInbox.forDevice("bed-d-oximeter"))
                    .extracting(n -> n.text("type") + " " + n.text("metric") + " " + n.text("transition") + " "
                            + n.text("deviceTime"))
                    .containsExactly("DEVICE no_signal OPENED 2026-11-25T22:30:30Z",
                            "DEVICE no_signal RESOLVED 2026-11-25T22:30:40Z");
        }
    }

    @Test
    void aDeviceAtNoBedStoresItsVitalSignsAndPagesNobody() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("bed-e-oximeter", "pulse_oximeter", "BED-E", null);

            TelemetryResult result = moto.clinicalService().process(envelope("bed-e-oximeter"),
                    message("e-1", "2026-11-25T22:30:00Z", spo2(70)));

            assertThat(result.readingsStored()).isEqualTo(1);
            assertThat(StaffInbox.forDevice("bed-e-oximeter")).isEmpty();
        }
    }
}
