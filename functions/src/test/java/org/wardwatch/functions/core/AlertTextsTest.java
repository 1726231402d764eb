package org.wardwatch.functions.core;

import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.device.DeviceKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertTextsTest {

    private static final Instant T = Instant.parse("2026-11-25T10:15:00Z");

    private static AlertNotification notification(Transition transition, Severity now, Severity was, String ward,
                                                  String bed, Metric metric, double value) {
        return new AlertNotification("st-elsewhere", AlertNotification.THRESHOLD,
                new AlertTransition(transition, "K7Q2XM4", now, was, T.minusSeconds(600), T),
                "icu3-bed12-spo2", DeviceKind.PULSE_OXIMETER, ward, bed, metric, value, "m-1", null);
    }

    @Test
    void sms_saysSeverityMetricValuePlaceAndAlertId() {
        String sms = AlertTexts.sms(notification(Transition.OPENED, Severity.CRITICAL, Severity.NONE, "ICU-3", "12",
                Metric.SPO2, 88));

        assertThat(sms).isEqualTo("[wardwatch] CRITICAL SpO2 88 % | ICU-3 bed 12 | opened 10:15Z | #K7Q2XM4");
    }

    @Test
    void sms_forResolution_saysWhatItWas() {
        String sms = AlertTexts.sms(notification(Transition.RESOLVED, Severity.NONE, Severity.CRITICAL, "ICU-3", "12",
                Metric.BODY_TEMPERATURE, 37.04));

        assertThat(sms).isEqualTo("[wardwatch] RESOLVED (was CRITICAL) Temp 37.0 C | ICU-3 bed 12 | resolved 10:15Z | #K7Q2XM4");
    }

    @Test
    void sms_staysWithin140Characters_evenWithLongRegistryText() {
        String sms = AlertTexts.sms(notification(Transition.DOWNGRADED, Severity.WARNING, Severity.CRITICAL,
                "Paediatric Intensive Care Unit, North Wing, Level 4", "Bay 12 side room 3\nextra",
                Metric.RESPIRATORY_RATE, 23));

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
                "ICU-3", "12", Metric.HEART_RATE, 125));

        assertThat(body).contains("The severity fell from CRITICAL to WARNING")
                .contains("ICU-3 bed 12").contains("2026-11-25T10:15:00Z").contains("no patient name");
    }

    @Test
    void coldChainSms_namesTheFridge_itsRange_andSince() {
        StorageProfile fridge = StorageProfile.defaults().get("vaccine_fridge");
        Excursion open = new Excursion(T.minusSeconds(900), null, 8.4, 9.6, Severity.WARNING, "K7Q2XM4", "vaccine_fridge");
        AlertNotification n = new AlertNotification("st-elsewhere", AlertNotification.COLD_CHAIN,
                new AlertTransition(Transition.OPENED, "K7Q2XM4", Severity.WARNING, Severity.NONE, T, T),
                "pharmacy-fridge-2", DeviceKind.STORAGE_SENSOR, "Pharmacy", null, Metric.STORAGE_TEMPERATURE, 9.6, "m-1",
                new AlertNotification.ColdChainDetail(fridge, open.start(), open));

        assertThat(AlertTexts.sms(n)).isEqualTo("[wardwatch] WARNING Store temp 9.6 C | Pharmacy | pharmacy-fridge-2 "
                + "outside 2.0..8.0 C since 10:00Z | #K7Q2XM4");
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

        assertThat(AlertTexts.sms(n)).isEqualTo("[wardwatch] RESOLVED (was CRITICAL) Store temp 6.0 C | Pharmacy | "
                + "pharmacy-fridge-2 excursion 75 min, 8.4..12.0 C | #K7Q2XM4");
        assertThat(AlertTexts.emailBody(n)).contains("from 2026-11-25T09:00:00Z to 2026-11-25T10:15:00Z (75 min)")
                .contains("min 8.4 C, max 12.0 C").contains("\"Do Not Use\"").contains("manufacturer")
                .contains("immunization programme");
    }
}
