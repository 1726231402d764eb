package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.Isolation;
import org.wardwatch.model.reading.Metric;

class EnvironmentTextsTest {

    private static final Instant T = Instant.parse("2026-11-20T10:02:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static AlertNotification room(Transition transition, Severity now, Severity was, Metric metric,
                                          double value, Isolation isolation) {
        return room(transition, now, was, metric, value, isolation, T);
    }

    private static AlertNotification room(Transition transition, Severity now, Severity was, Metric metric,
                                          double value, Isolation isolation, Instant at) {
        return new AlertNotification("st-elsewhere", AlertNotification.ENVIRONMENT,
                new AlertTransition(transition, "R4Q2XM7", now, was, at.minusSeconds(60), at),
                "w5-room3-env", DeviceKind.ROOM_ENVIRONMENT, "W5", null, metric, value, "room3-6", null, "3",
                isolation);
    }

    @Test
    void aPositivePressure_isWrittenWithALeadingPlus_andTheRoomIsSaidToBeAnIsolationRoom() {
        assertThat(AlertTexts.sms(room(Transition.OPENED, Severity.CRITICAL, Severity.NONE,
                Metric.DIFFERENTIAL_PRESSURE, 0.4, Isolation.NEGATIVE), LONDON))
                .isEqualTo("[wardwatch] CRITICAL Room pressure +0.4 Pa | W5 room 3 (isolation) | #R4Q2XM7");
    }

    @Test
    void aNegativePressure_keepsItsMinus_andZeroHasNoSign() {
        assertThat(AlertTexts.sms(room(Transition.DOWNGRADED, Severity.WARNING, Severity.CRITICAL,
                Metric.DIFFERENTIAL_PRESSURE, -1.5, Isolation.NEGATIVE), LONDON))
                .isEqualTo("[wardwatch] WARNING (was CRITICAL) Room pressure -1.5 Pa | W5 room 3 (isolation) | #R4Q2XM7");
        assertThat(AlertTexts.sms(room(Transition.OPENED, Severity.CRITICAL, Severity.NONE,
                Metric.DIFFERENTIAL_PRESSURE, 0.0, Isolation.POSITIVE), LONDON)).contains("Room pressure 0.0 Pa |");
    }

    @Test
    void anOrdinaryRoomsAir_isWrittenUnsignedWithoutIsolation() {
        assertThat(AlertTexts.sms(room(Transition.RESOLVED, Severity.NONE, Severity.CRITICAL, Metric.CO2, 800,
                Isolation.NONE), LONDON)).isEqualTo("[wardwatch] RESOLVED (was CRITICAL) CO2 800 ppm | W5 room 3 | #R4Q2XM7");
        assertThat(AlertTexts.emailSubject(room(Transition.OPENED, Severity.WARNING, Severity.NONE,
                Metric.ROOM_TEMPERATURE, 28.5, Isolation.NONE)))
                .isEqualTo("[wardwatch] WARNING: room temperature 28.5 C in W5 room 3 (alert R4Q2XM7 opened)");
    }

    @Test
    void theEmail_saysWhichWayTheAirFlows_andNamesNoPatient() {
        String body = AlertTexts.emailBody(room(Transition.OPENED, Severity.CRITICAL, Severity.NONE,
                Metric.DIFFERENTIAL_PRESSURE, 0.4, Isolation.NEGATIVE), ZoneId.of("UTC"));

        assertThat(body).contains("room pressure OPENED", "+0.4 Pa", "W5 room 3 (isolation)", "held negative (airborne "
                + "isolation): at or above 0 Pa air flows out of the room", "held 60 s")
                .doesNotContain("patient");
    }

    @Test
    void theEmail_givesTheReadingAndOpeningTimesInTheTenantsZone() {
        AlertNotification n = room(Transition.OPENED, Severity.WARNING, Severity.NONE, Metric.ROOM_TEMPERATURE, 28.5,
                Isolation.NONE);

        assertThat(AlertTexts.emailBody(n, ZoneId.of("Europe/London")))
                .contains("room temperature 28.5 C at 20 Nov 2026 10:02:00 GMT (device time)")
                .contains("Alert opened: 20 Nov 2026 10:01:00 GMT");
        assertThat(AlertTexts.emailBody(n, ZoneId.of("Europe/Berlin")))
                .contains("at 20 Nov 2026 11:02:00 CET (device time)");
        assertThat(AlertTexts.emailBody(n, ZoneId.of("UTC"))).contains("at 20 Nov 2026 10:02:00 UTC (device time)");
        AlertNotification summer = room(Transition.OPENED, Severity.WARNING, Severity.NONE, Metric.ROOM_TEMPERATURE,
                28.5, Isolation.NONE, Instant.parse("2026-06-20T10:02:00Z"));
        assertThat(AlertTexts.emailBody(summer, ZoneId.of("Europe/London")))
                .contains("at 20 Jun 2026 11:02:00 BST (device time)").contains("Alert opened: 20 Jun 2026 11:01:00 BST");
        assertThat(AlertTexts.emailBody(summer, ZoneId.of("Europe/Berlin"))).contains("12:02:00 CEST (device time)");
    }
}
