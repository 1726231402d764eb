package org.wardwatch.functions.core;

import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.device.DeviceKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AlertTextsTest {

    /** A London winter morning: GMT, the same clock as UTC. */
    private static final Instant T = Instant.parse("2026-11-25T10:15:00Z");
    /** A London summer morning: BST, an hour ahead of UTC. */
    private static final Instant SUMMER = Instant.parse("2026-07-15T10:15:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static AlertNotification notification(Transition transition, Severity now, Severity was, String ward,
                                                  String bed, Metric metric, double value) {
        return notification(transition, now, was, ward, bed, metric, value, T);
    }

    private static AlertNotification notification(Transition transition, Severity now, Severity was, String ward,
                                                  String bed, Metric metric, double value, Instant at) {
        return new AlertNotification("st-elsewhere", AlertNotification.THRESHOLD,
                new AlertTransition(transition, "K7Q2XM4", now, was, at.minusSeconds(600), at),
                "icu3-bed12-spo2", DeviceKind.PULSE_OXIMETER, ward, bed, metric, value, "m-1", null);
    }

    @Test
    void sms_saysSeverityMetricValuePlaceAndAlertId() {
        String sms = AlertTexts.sms(notification(Transition.OPENED, Severity.CRITICAL, Severity.NONE, "ICU-3", "12",
                Metric.SPO2, 88), LONDON);

        assertThat(sms).isEqualTo("[wardwatch] CRITICAL SpO2 88 % | ICU-3 bed 12 | opened 10:15 GMT | #K7Q2XM4");
    }

    @Test
    void aCriticalSpo2Sms_inALondonSummer_givesTheLocalTimeInBst() {
        String sms = AlertTexts.sms(notification(Transition.OPENED, Severity.CRITICAL, Severity.NONE, "ICU-3", "12",
                Metric.SPO2, 84, SUMMER), LONDON);

        assertThat(sms).isEqualTo("[wardwatch] CRITICAL SpO2 84 % | ICU-3 bed 12 | opened 11:15 BST | #K7Q2XM4");
    }

    @Test
    void aCriticalSpo2Sms_inUtc_saysUtc_whetherTheZoneIsTheRegionOrTheOffset() {
        AlertNotification n = notification(Transition.OPENED, Severity.CRITICAL, Severity.NONE, "ICU-3", "12",
                Metric.SPO2, 84, SUMMER);

        assertThat(AlertTexts.sms(n, ZoneId.of("UTC")))
                .isEqualTo("[wardwatch] CRITICAL SpO2 84 % | ICU-3 bed 12 | opened 10:15 UTC | #K7Q2XM4");
        assertThat(AlertTexts.sms(n, ZoneOffset.UTC)).isEqualTo(AlertTexts.sms(n, ZoneId.of("UTC")));
    }

    @Test
    void theEmail_givesReadingAndOpeningTimesLocally_inALondonSummer() {
        String body = AlertTexts.emailBody(notification(Transition.OPENED, Severity.CRITICAL, Severity.NONE, "ICU-3",
                "12", Metric.SPO2, 84, SUMMER), LONDON);

        assertThat(body).contains("Reading:      SpO2 84 % at 15 Jul 2026 11:15:00 BST (device time)")
                .contains("Alert opened: 15 Jul 2026 11:05:00 BST").doesNotContain("2026-07-15T");
    }

    @Test
    void sms_forResolution_saysWhatItWas() {
        String sms = AlertTexts.sms(notification(Transition.RESOLVED, Severity.NONE, Severity.CRITICAL, "ICU-3", "12",
                Metric.BODY_TEMPERATURE, 37.04), ZoneOffset.UTC);

        assertThat(sms).isEqualTo("[wardwatch] RESOLVED (was CRITICAL) Temp 37.0 C | ICU-3 bed 12 | resolved 10:15 UTC | #K7Q2XM4");
    }

    @Test
    void sms_staysWithin140Characters_evenWithLongRegistryText() {
        String sms = AlertTexts.sms(notification(Transition.DOWNGRADED, Severity.WARNING, Severity.CRITICAL,
                "Paediatric Intensive Care Unit, North Wing, Level 4", "Bay 12 side room 3\nextra",
                Metric.RESPIRATORY_RATE, 23), LONDON);

        assertThat(sms).hasSizeLessThanOrEqualTo(140).doesNotContain("\n").contains("#K7Q2XM4");
    }

    @Test
    void emailSubject_isAsciiAndUnder100Characters() {
        String subject = AlertTexts.emailSubject(notification(Transition.ESCALATED, Severity.CRITICAL,
                Severity.WARNING, "Station Süd – Intensivstation mit sehr langem Namen", "7", Metric.HEART_RATE, 135));

        assertThat(subject).hasSizeLessThan(100).matches("[\\x20-\\x7e]+").startsWith("[wardwatch] CRITICAL: heart rate 135 /min");
    }

    @Test
    void emailBody_tellsWhatChanged_andCarriesNoPatientIdentity() {
        String body = AlertTexts.emailBody(notification(Transition.DOWNGRADED, Severity.WARNING, Severity.CRITICAL,
                "ICU-3", "12", Metric.HEART_RATE, 125), LONDON);

        assertThat(body).contains("The severity fell from CRITICAL to WARNING")
                .contains("ICU-3 bed 12").contains("25 Nov 2026 10:15:00 GMT").contains("no patient name");
    }

    @Test
    void coldChainSms_namesTheFridge_itsRange_andSince() {
        StorageProfile fridge = StorageProfile.defaults().get("vaccine_fridge");
        Excursion open = new Excursion(T.minusSeconds(900), null, 8.4, 9.6, Severity.WARNING, "K7Q2XM4", "vaccine_fridge");
        AlertNotification n = new AlertNotification("st-elsewhere", AlertNotification.COLD_CHAIN,
                new AlertTransition(Transition.OPENED, "K7Q2XM4", Severity.WARNING, Severity.NONE, T, T),
                "pharmacy-fridge-2", DeviceKind.STORAGE_SENSOR, "Pharmacy", null, Metric.STORAGE_TEMPERATURE, 9.6, "m-1",
                new AlertNotification.ColdChainDetail(fridge, open.start(), open));

        assertThat(AlertTexts.sms(n, LONDON)).isEqualTo("[wardwatch] WARNING Store temp 9.6 C | Pharmacy | "
                + "pharmacy-fridge-2 outside 2.0..8.0 C since 10:00 GMT | #K7Q2XM4");
    }

    /** 23:30 UTC on 14 July is 00:30 BST on the 15th: the same local day as the alert, so no date. */
    @Test
    void aColdChainSms_saysSinceInLocalTime_withTheDateOnlyWhenItIsAnotherLocalDay() {
        StorageProfile fridge = StorageProfile.defaults().get("vaccine_fridge");
        Instant at = Instant.parse("2026-07-15T00:10:00Z");
        Excursion open = new Excursion(Instant.parse("2026-07-14T23:30:00Z"), null, 8.4, 9.6, Severity.WARNING,
                "K7Q2XM4", "vaccine_fridge");
        AlertNotification n = new AlertNotification("st-elsewhere", AlertNotification.COLD_CHAIN,
                new AlertTransition(Transition.OPENED, "K7Q2XM4", Severity.WARNING, Severity.NONE, at, at),
                "pharmacy-fridge-2", DeviceKind.STORAGE_SENSOR, "Pharmacy", null, Metric.STORAGE_TEMPERATURE, 9.6, "m-1",
                new AlertNotification.ColdChainDetail(fridge, open.start(), open));

        assertThat(AlertTexts.sms(n, LONDON)).contains("outside 2.0..8.0 C since 00:30 BST |");
        assertThat(AlertTexts.sms(n, ZoneOffset.UTC)).contains("outside 2.0..8.0 C since 14 Jul 23:30 UTC |");
    }

    @Test
    void coldChainResolution_email_givesTheExcursionSummary_andCdcAdvice() {
        StorageProfile fridge = StorageProfile.defaults().get("vaccine_fridge");
        Excursion ended = new Excursion(T.minusSeconds(4500), T, 8.4, 12.0, Severity.CRITICAL, "K7Q2XM4", "vaccine_fridge");
        AlertNotification n = new AlertNotification("st-elsewhere", AlertNotification.COLD_CHAIN,
                new AlertTransition(Transition.RESOLVED, "K7Q2XM4", Severity.NONE, Severity.CRITICAL,
                        T.minusSeconds(3600), T),
                "pharmacy-fridge-2", DeviceKind.STORAGE_SENSOR, "Pharmacy", null, Metric.STORAGE_TEMPERATURE, 6.0, "m-9",
                new AlertNotification.ColdChainDetail(fridge, ended.start(), ended));

        assertThat(AlertTexts.sms(n, LONDON)).isEqualTo("[wardwatch] RESOLVED (was CRITICAL) Store temp 6.0 C | "
                + "Pharmacy | pharmacy-fridge-2 excursion 75 min, 8.4..12.0 C | #K7Q2XM4");
        assertThat(AlertTexts.emailBody(n, LONDON))
                .contains("from 25 Nov 2026 09:00:00 GMT to 25 Nov 2026 10:15:00 GMT (75 min)")
                .contains("min 8.4 C, max 12.0 C").contains("\"Do Not Use\"").contains("manufacturer")
                .contains("immunization programme");
    }

    @Test
    void aDeviceSilenceEmail_saysWhenItWasCheckedInLocalTime() {
        Device oximeter = new Device("sl-oximeter", "st-elsewhere", DeviceKind.PULSE_OXIMETER, "ICU-4", "1", null,
                null, true);
        DeviceAlert silent = new DeviceAlert("st-elsewhere", DeviceCondition.SILENCE,
                new AlertTransition(Transition.OPENED, "5V0M2QK", Severity.WARNING, Severity.NONE, SUMMER, SUMMER),
                oximeter, 190, SUMMER);

        assertThat(AlertTexts.emailBody(silent, LONDON)).contains("No reading for 190 s (checked 15 Jul 2026 11:15:00 BST)");
        assertThat(AlertTexts.emailBody(silent, ZoneOffset.UTC)).contains("(checked 15 Jul 2026 10:15:00 UTC)");
        assertThat(AlertTexts.sms(silent)).isEqualTo("[wardwatch] WARNING Device silent | ICU-4 bed 1 | sl-oximeter "
                + "no reading for 3 min | #5V0M2QK");
    }

    @Test
    void noSignalSms_namesTheConditionTheDeviceAndHowLong() {
        Device oximeter = new Device("icu3-bed12-ox", "st-elsewhere", DeviceKind.PULSE_OXIMETER, "ICU-3", "12", null,
                null, true);
        DeviceAlert opened = new DeviceAlert("st-elsewhere", DeviceCondition.NO_SIGNAL,
                new AlertTransition(Transition.OPENED, "N0S1GNL", Severity.WARNING, Severity.NONE, T, T), oximeter,
                30, T);

        assertThat(AlertTexts.sms(opened)).isEqualTo("[wardwatch] WARNING No signal | ICU-3 bed 12 | icu3-bed12-ox "
                + "no signal for 30 s | #N0S1GNL");
        assertThat(AlertTexts.emailSubject(opened)).contains("no signal");
        assertThat(AlertTexts.emailBody(opened, LONDON)).contains("no_signal OPENED").contains("Check the probe");
    }
}
