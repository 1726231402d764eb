package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.model.news2.News2Parameter.AIR_OR_OXYGEN;
import static org.wardwatch.model.news2.News2Parameter.CONSCIOUSNESS;
import static org.wardwatch.model.news2.News2Parameter.PULSE;
import static org.wardwatch.model.news2.News2Parameter.RESPIRATION_RATE;
import static org.wardwatch.model.news2.News2Parameter.SPO2;
import static org.wardwatch.model.news2.News2Parameter.SYSTOLIC_BP;
import static org.wardwatch.model.news2.News2Parameter.TEMPERATURE;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.news2.News2Response;
import org.wardwatch.model.news2.News2Score;

class News2TextsTest {

    /** A London winter morning: GMT. */
    private static final Instant T = Instant.parse("2026-11-25T10:20:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String PATIENT = "adm-0003";

    /** The issue's example: RR 22, SpO2 93 % on air, SBP 98, HR 115, alert, 37.0 C: NEWS2 8. */
    private static final List<News2Value> VALUES = List.of(
            new News2Value(RESPIRATION_RATE, 22, "22", "w5-bed2-cm", T.minusSeconds(30)),
            new News2Value(SPO2, 93, "93", "w5-bed2-cm", T.minusSeconds(30)),
            new News2Value(AIR_OR_OXYGEN, 0, "air", "nurse-0017", T.minusSeconds(1200)),
            new News2Value(SYSTOLIC_BP, 98, "98", "w5-bed2-bp", T.minusSeconds(600)),
            new News2Value(PULSE, 115, "115", "w5-bed2-cm", T.minusSeconds(30)),
            new News2Value(CONSCIOUSNESS, 0, "A", "nurse-0017", T.minusSeconds(1200)),
            new News2Value(TEMPERATURE, 37.0, "37.0", "w5-bed2-th", T.minusSeconds(1800)));

    private static Map<News2Parameter, Integer> subScores(int rr, int spo2, int o2, int sbp, int hr, int acvpu,
                                                          int temp) {
        Map<News2Parameter, Integer> scores = new EnumMap<>(News2Parameter.class);
        scores.put(RESPIRATION_RATE, rr);
        scores.put(SPO2, spo2);
        scores.put(AIR_OR_OXYGEN, o2);
        scores.put(SYSTOLIC_BP, sbp);
        scores.put(PULSE, hr);
        scores.put(CONSCIOUSNESS, acvpu);
        scores.put(TEMPERATURE, temp);
        return scores;
    }

    private static final News2Score EIGHT = new News2Score(8, subScores(2, 2, 0, 2, 2, 0, 0), Set.of(),
            News2Response.HIGH);

    private static News2Notification notification(AlertTransition t, String ward, String bed, News2Score score,
                                                  List<News2Value> values) {
        return new News2Notification("st-elsewhere", t, ward, bed, PATIENT, score, values, "w5-bed2-cm", "m-1");
    }

    private static AlertTransition opened() {
        return new AlertTransition(Transition.OPENED, "K7Q2XM4", Severity.CRITICAL, Severity.NONE, T, T);
    }

    /** The issue's example, with the sub-scores in the RCP chart's order (SBP before HR), as the e-mail lists them. */
    @Test
    void theSms_isTheIssuesExample_scoreBandPlaceSubScoresTimeAndId() {
        String sms = News2Texts.sms(notification(opened(), "W5", "2", EIGHT, VALUES), LONDON);

        assertThat(sms).isEqualTo("[wardwatch] CRITICAL NEWS2 8 | W5 bed 2 | RR 2 SpO2 2 SBP 2 HR 2 | "
                + "opened 10:20 GMT | #K7Q2XM4");
    }

    @Test
    void aResolutionSms_saysWhatItWas_andAPartialScoreSaysSo() {
        Map<News2Parameter, Integer> subs = subScores(0, 0, 0, 1, 0, 0, 0);
        subs.remove(TEMPERATURE);
        News2Score partial = new News2Score(1, subs, Set.of(TEMPERATURE), News2Response.LOW);
        AlertTransition resolved = new AlertTransition(Transition.RESOLVED, "K7Q2XM4", Severity.NONE,
                Severity.CRITICAL, T.minusSeconds(1800), T);

        assertThat(News2Texts.sms(notification(resolved, "W5", "2", partial, VALUES), LONDON))
                .isEqualTo("[wardwatch] RESOLVED (was CRITICAL) NEWS2 1 partial | W5 bed 2 | SBP 1 | "
                        + "resolved 10:20 GMT | #K7Q2XM4");
    }

    @Test
    void aDowngradeSms_namesBothSeverities_andADischargeSaysDischarged() {
        AlertTransition downgraded = new AlertTransition(Transition.DOWNGRADED, "K7Q2XM4", Severity.WARNING,
                Severity.CRITICAL, T.minusSeconds(600), T);
        AlertTransition discharged = new AlertTransition(Transition.RESOLVED, "K7Q2XM4", Severity.NONE,
                Severity.WARNING, T.minusSeconds(600), T, AlertTransition.DISCHARGED);

        assertThat(News2Texts.sms(notification(downgraded, "W5", "2", EIGHT, VALUES), LONDON))
                .startsWith("[wardwatch] WARNING (was CRITICAL) NEWS2 8 | ").contains("| downgraded 10:20 GMT |");
        assertThat(News2Texts.sms(notification(discharged, "W5", "2", EIGHT, VALUES), LONDON))
                .contains("| discharged 10:20 GMT | #K7Q2XM4");
    }

    @Test
    void theSms_staysWithin140Characters_withLongNames_shorteningTheSubScoresFirst() {
        News2Score worst = new News2Score(20, subScores(3, 3, 2, 3, 3, 3, 3), Set.of(), News2Response.HIGH);
        AlertTransition resolved = new AlertTransition(Transition.RESOLVED, "K7Q2XM4", Severity.NONE,
                Severity.CRITICAL, T.minusSeconds(600), T);

        String sms = News2Texts.sms(notification(resolved, "Paediatric Intensive Care Unit, North Wing, Level 4",
                "Bay 12 side room 3\nextra", worst, VALUES), ZoneId.of("Asia/Kolkata"));

        assertThat(sms).hasSizeLessThanOrEqualTo(AlertTexts.SMS_LIMIT).doesNotContain("\n")
                .contains("| RR 3 ").contains(" +").endsWith("| #K7Q2XM4");
    }

    @Test
    void theEmailSubject_isAsciiAndUnder100Characters() {
        String subject = News2Texts.emailSubject(notification(opened(),
                "Station Süd – Intensivstation mit sehr langem Namen", "7", EIGHT, VALUES));

        assertThat(subject).hasSizeLessThan(100).matches("[\\x20-\\x7e]+")
                .startsWith("[wardwatch] CRITICAL: NEWS2 8 (high) at Station S?d");
    }

    @Test
    void theEmail_listsEveryParameter_withValueSubScoreSourceAndLocalTime_andTheRcpResponse() {
        String body = News2Texts.emailBody(notification(opened(), "W5", "2", EIGHT, VALUES), LONDON);

        assertThat(body).contains("NEWS2 8, clinical risk high")
                .contains(News2Response.HIGH.rcpResponse())
                .contains("The score entered the CRITICAL band")
                .containsPattern("Respiration rate +22 /min +2 +w5-bed2-cm +25 Nov 2026 10:19:30 GMT")
                .containsPattern("SpO2 +93 % +2 +w5-bed2-cm")
                .containsPattern("Air or oxygen +air +0 +nurse-0017 +25 Nov 2026 10:00:00 GMT")
                .containsPattern("Systolic BP +98 mmHg +2 +w5-bed2-bp +25 Nov 2026 10:10:00 GMT")
                .containsPattern("Pulse +115 /min +2")
                .containsPattern("Consciousness +A +0")
                .containsPattern("Temperature +37.0 C +0 +w5-bed2-th +25 Nov 2026 09:50:00 GMT")
                .doesNotContain("Missing").doesNotContain("Reason");
    }

    @Test
    void aPartialScoresEmail_namesWhatIsMissing_countedZero() {
        Map<News2Parameter, Integer> subs = subScores(2, 2, 0, 2, 2, 0, 0);
        subs.remove(TEMPERATURE);
        subs.remove(CONSCIOUSNESS);
        News2Score partial = new News2Score(8, subs, Set.of(CONSCIOUSNESS, TEMPERATURE), News2Response.HIGH);
        List<News2Value> without = VALUES.stream()
                .filter(v -> v.parameter() != TEMPERATURE && v.parameter() != CONSCIOUSNESS).toList();

        String body = News2Texts.emailBody(notification(opened(), "W5", "2", partial, without), LONDON);

        assertThat(body).contains("NEWS2 8 (partial)").containsPattern("Temperature +missing +0 +- +-")
                .contains("Missing (counted 0): Consciousness, Temperature");
    }

    @Test
    void aDischargesEmail_saysWhyTheAlertEnded() {
        AlertTransition discharged = new AlertTransition(Transition.RESOLVED, "K7Q2XM4", Severity.NONE,
                Severity.CRITICAL, T.minusSeconds(600), T, AlertTransition.DISCHARGED);

        assertThat(News2Texts.emailBody(notification(discharged, "W5", "2", EIGHT, VALUES), LONDON))
                .contains("The patient was discharged; the alert (last CRITICAL) is resolved.")
                .contains("Reason: the patient was discharged");
    }

    @Test
    void noText_carriesThePatientRef() {
        News2Notification n = notification(opened(), "W5", "2", EIGHT, VALUES);

        assertThat(List.of(News2Texts.sms(n, LONDON), News2Texts.emailSubject(n), News2Texts.emailBody(n, LONDON)))
                .allSatisfy(text -> assertThat(text).doesNotContain(PATIENT));
    }
}
