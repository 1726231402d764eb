package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.AlertRecord.TimelineEntry;
import org.wardwatch.functions.core.EscalationNotification.Event;
import org.wardwatch.model.alert.Severity;

class EscalationTextsTest {

    /** A London winter morning: GMT. */
    private static final Instant OPENED = Instant.parse("2026-11-20T10:00:00Z");
    /** A London summer morning: BST, an hour ahead of UTC. */
    private static final Instant SUMMER = Instant.parse("2026-07-15T10:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static AlertRecord record(String type, String ward, String place, String subject, Severity severity,
                                      Instant opened, Instant clockFrom, int highestTier, TimelineEntry... more) {
        List<TimelineEntry> timeline = new java.util.ArrayList<>(List.of(
                new TimelineEntry("OPENED", opened, clockFrom.equals(opened) ? severity : Severity.WARNING, 1,
                        null, null)));
        timeline.addAll(List.of(more));
        return new AlertRecord("K7Q2XM4", type, ward, place, subject, severity, opened, clockFrom, 1, highestTier,
                null, null, null, null, timeline);
    }

    private static AlertRecord criticalSpo2(int highestTier) {
        return record("THRESHOLD", "ICU-3", "bed 12", "spo2", Severity.CRITICAL, OPENED, OPENED, highestTier);
    }

    private static EscalationNotification unacknowledged(AlertRecord r, int tier, Instant at) {
        return new EscalationNotification("st-elsewhere", Event.UNACKNOWLEDGED, r, List.of(tier), at, null, null);
    }

    private static EscalationNotification acknowledged(AlertRecord r, String note) {
        return new EscalationNotification("st-elsewhere", Event.ACKNOWLEDGED, r, List.of(1, 2),
                OPENED.plusSeconds(360), "nurse-0017", note);
    }

    @Test
    void anEscalationSms_saysUnacknowledgedForHowLong_thenTheAlertAndWhenItOpened() {
        String sms = EscalationTexts.sms(unacknowledged(criticalSpo2(2), 2, OPENED.plusSeconds(300)), LONDON);

        assertThat(sms).isEqualTo("UNACKNOWLEDGED 5 min - CRITICAL ICU-3 bed 12 SpO2 alert opened 10:00 GMT, "
                + "nobody has acknowledged it | #K7Q2XM4");
    }

    @Test
    void aReminderSms_saysReminder_andInALondonSummerGivesTheTimeInBst() {
        AlertRecord r = record("THRESHOLD", "ICU-3", "bed 12", "heart_rate", Severity.CRITICAL, SUMMER, SUMMER, 1);
        EscalationNotification n = new EscalationNotification("st-elsewhere", Event.REMINDER, r, List.of(1),
                SUMMER.plusSeconds(200), null, null);

        assertThat(EscalationTexts.sms(n, LONDON)).isEqualTo("REMINDER 3 min - CRITICAL ICU-3 bed 12 HR alert "
                + "opened 11:00 BST, still not acknowledged | #K7Q2XM4");
    }

    @Test
    void anAcknowledgementSms_saysWhoTookItAndWhen() {
        String sms = EscalationTexts.sms(acknowledged(criticalSpo2(2), "on my way"), LONDON);

        assertThat(sms).isEqualTo("ACKNOWLEDGED by nurse-0017 10:06 GMT - CRITICAL ICU-3 bed 12 SpO2 | #K7Q2XM4");
    }

    @Test
    void anAlertWhoseSeverityRose_countsTheMinutesFromTheRise_andSaysEscalated() {
        Instant rose = OPENED.plusSeconds(120);
        AlertRecord r = record("THRESHOLD", "ICU-3", "bed 12", "spo2", Severity.CRITICAL, OPENED, rose, 2,
                new TimelineEntry("ESCALATED", rose, Severity.CRITICAL, 1, null, null));
        EscalationNotification n = unacknowledged(r, 2, rose.plusSeconds(330));

        assertThat(EscalationTexts.sms(n, LONDON)).isEqualTo("UNACKNOWLEDGED 5 min - CRITICAL ICU-3 bed 12 SpO2 "
                + "alert escalated 10:02 GMT, nobody has acknowledged it | #K7Q2XM4");
        assertThat(EscalationTexts.emailBody(n, LONDON))
                .contains("What happened: Nobody has acknowledged this CRITICAL alert 5 min after its severity rose "
                        + "to CRITICAL; it is now sent to tier 2.\n")
                .contains("Severity:     CRITICAL since 20 Nov 2026 10:02:00 GMT (escalated)\n");
    }

    @Test
    void aNews2ARoomsAirAFridgeAndADevice_areNamedInTheModelsWords() {
        Instant at = OPENED.plusSeconds(900);
        assertThat(EscalationTexts.sms(unacknowledged(record("NEWS2", "W5", "bed 2", "news2", Severity.WARNING,
                OPENED, OPENED, 2), 2, at), LONDON))
                .startsWith("UNACKNOWLEDGED 15 min - WARNING W5 bed 2 NEWS2 alert opened 10:00 GMT");
        assertThat(EscalationTexts.sms(unacknowledged(record("ENVIRONMENT", "W5", "room 3", "differential_pressure",
                Severity.WARNING, OPENED, OPENED, 2), 2, at), LONDON))
                .startsWith("UNACKNOWLEDGED 15 min - WARNING W5 room 3 Room pressure alert");
        assertThat(EscalationTexts.emailSubject(unacknowledged(record("COLD_CHAIN", "Pharmacy", "ph-fridge-01",
                "storage_temperature", Severity.WARNING, OPENED, OPENED, 2), 2, at)))
                .as("the place gives way to the alert id").isEqualTo("[wardwatch] UNACKNOWLEDGED 15 min, tier 2: "
                        + "WARNING storage temperature at Pharma... (alert K7Q2XM4)");
        assertThat(EscalationTexts.sms(unacknowledged(record("DEVICE", "ICU-3", "icu3-bed12-ecg", "battery",
                Severity.WARNING, OPENED, OPENED, 2), 2, at), LONDON))
                .isEqualTo("UNACKNOWLEDGED 15 min - WARNING ICU-3 icu3-bed12-ecg Low battery alert opened 10:00 GMT, "
                        + "nobody has acknowledged it | #K7Q2XM4");
    }

    @Test
    void theEmailSubjects_sayTheEventTheAlertAndItsPlace() {
        AlertRecord r = criticalSpo2(1);
        EscalationNotification reminder = new EscalationNotification("st-elsewhere", Event.REMINDER, r, List.of(1),
                OPENED.plusSeconds(180), null, null);

        assertThat(EscalationTexts.emailSubject(reminder))
                .isEqualTo("[wardwatch] REMINDER 3 min: CRITICAL SpO2 at ICU-3 bed 12 (alert K7Q2XM4)");
        assertThat(EscalationTexts.emailSubject(unacknowledged(criticalSpo2(2), 2, OPENED.plusSeconds(300))))
                .isEqualTo("[wardwatch] UNACKNOWLEDGED 5 min, tier 2: CRITICAL SpO2 at ICU-3 bed 12 (alert K7Q2XM4)");
        assertThat(EscalationTexts.emailSubject(acknowledged(criticalSpo2(2), null)))
                .isEqualTo("[wardwatch] ACKNOWLEDGED by nurse-0017: CRITICAL SpO2 at ICU-3 bed 12 (alert K7Q2XM4)");
    }

    @Test
    void theEscalationEmail_saysWhatHappenedWhereWhenAndWhoWasPaged() {
        String body = EscalationTexts.emailBody(unacknowledged(criticalSpo2(2), 2, OPENED.plusSeconds(300)), LONDON);

        assertThat(body).isEqualTo("""
                Alert K7Q2XM4: SpO2 UNACKNOWLEDGED

                What happened: Nobody has acknowledged this CRITICAL alert 5 min after it opened; it is now sent to tier 2.
                Where:        ICU-3 bed 12
                Alert opened: 20 Nov 2026 10:00:00 GMT (THRESHOLD)
                Checked:      20 Nov 2026 10:05:00 GMT
                Tiers paged:  1, 2

                Whoever takes it, acknowledge alert K7Q2XM4: that stops its reminders and escalations.
                This message carries no patient name: identify the patient at the bedside.
                """);
    }

    @Test
    void theAcknowledgementEmail_saysWhoWhenAndTheirNote() {
        String body = EscalationTexts.emailBody(acknowledged(criticalSpo2(2), "on my way\nbay 2"), LONDON);

        assertThat(body).isEqualTo("""
                Alert K7Q2XM4: SpO2 ACKNOWLEDGED by nurse-0017

                Who:          nurse-0017
                When:         20 Nov 2026 10:06:00 GMT
                Note:         on my way bay 2
                Where:        ICU-3 bed 12
                Alert opened: 20 Nov 2026 10:00:00 GMT (THRESHOLD)
                Tiers told:   1, 2 (everyone paged for it)

                nurse-0017 has taken this alert: no reminder or escalation follows unless its severity rises.
                This message carries no patient name: identify the patient at the bedside.
                """);
        assertThat(EscalationTexts.emailBody(acknowledged(criticalSpo2(2), null), LONDON))
                .contains("Note:         none\n");
    }

    @Test
    void aLongWardAndDevice_dropTheClauseFirst_andTheSmsStaysWithin140Characters() {
        AlertRecord r = record("DEVICE", "Paediatric Intensive Care Unit, North Wing", "picu-north-bay12-cardiac-01",
                "no_signal", Severity.WARNING, OPENED, OPENED, 2);

        String sms = EscalationTexts.sms(unacknowledged(r, 2, OPENED.plusSeconds(900)), LONDON);

        assertThat(sms).isEqualTo("UNACKNOWLEDGED 15 min - WARNING Paediatric Intensive Car picu-north-bay12-"
                + "cardiac-01 No signal alert opened 10:00 GMT | #K7Q2XM4");
        assertThat(sms.length()).isLessThanOrEqualTo(AlertTexts.SMS_LIMIT);
    }

    @Test
    void aClosedRecord_isWordedWithItsLastSeverity() {
        AlertRecord open = criticalSpo2(2);
        AlertRecord closed = new AlertRecord(open.alertId(), open.type(), open.ward(), open.place(), open.subject(),
                Severity.NONE, open.openedAt(), open.clockFrom(), 1, 2, null, null, null, OPENED.plusSeconds(400),
                List.of(open.timeline().get(0),
                        new TimelineEntry("RESOLVED", OPENED.plusSeconds(400), Severity.NONE, 1, null, null)));

        assertThat(EscalationTexts.severity(closed)).isEqualTo(Severity.CRITICAL);
    }
}
