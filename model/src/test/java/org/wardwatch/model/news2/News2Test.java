package org.wardwatch.model.news2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.wardwatch.model.news2.News2Parameter.AIR_OR_OXYGEN;
import static org.wardwatch.model.news2.News2Parameter.CONSCIOUSNESS;
import static org.wardwatch.model.news2.News2Parameter.PULSE;
import static org.wardwatch.model.news2.News2Parameter.RESPIRATION_RATE;
import static org.wardwatch.model.news2.News2Parameter.SPO2;
import static org.wardwatch.model.news2.News2Parameter.SYSTOLIC_BP;
import static org.wardwatch.model.news2.News2Parameter.TEMPERATURE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.alert.Severity;

/** The aggregate score, partial scores and the response bands (docs/clinical-defaults.md, "Vital signs: NEWS2"). */
class News2Test {

    @Test
    void theIssuesExample_scores8_fromRR2_SpO22_HR2_SBP2_withConsciousnessAndTemperatureMissing() {
        News2Score score = News2.score(new News2Inputs(22.0, 93.0, false, 98.0, 115.0, null, null, 1));

        assertThat(score.total()).isEqualTo(8);
        assertThat(score.subScores()).containsExactly(entry(RESPIRATION_RATE, 2), entry(SPO2, 2),
                entry(AIR_OR_OXYGEN, 0), entry(SYSTOLIC_BP, 2), entry(PULSE, 2));
        assertThat(score.missing()).containsExactly(CONSCIOUSNESS, TEMPERATURE);
        assertThat(score.partial()).isTrue();
        assertThat(score.response()).isEqualTo(News2Response.HIGH);
        assertThat(score.response().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void everyParameterPresent_isAFullScore_summedOverAllSeven() {
        News2Score score = News2.score(new News2Inputs(22.0, 93.0, true, 98.0, 115.0, Consciousness.VOICE, 38.5, 1));

        assertThat(score.total()).as("2 + 2 + 2 + 2 + 2 + 3 + 1").isEqualTo(14);
        assertThat(score.subScores()).hasSize(7);
        assertThat(score.missing()).isEmpty();
        assertThat(score.partial()).isFalse();
    }

    @Test
    void aHealthyPatient_scores0_low() {
        News2Score score = News2.score(new News2Inputs(16.0, 98.0, false, 125.0, 72.0, Consciousness.ALERT, 36.8, 1));

        assertThat(score.total()).isZero();
        assertThat(score.response()).isEqualTo(News2Response.LOW);
        assertThat(score.response().severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void nothingPresent_scores0_withEveryParameterMissing() {
        News2Score score = News2.score(new News2Inputs(null, null, null, null, null, null, null, 1));

        assertThat(score.total()).isZero();
        assertThat(score.subScores()).isEmpty();
        assertThat(score.missing()).containsExactly(News2Parameter.values());
        assertThat(score.response()).isEqualTo(News2Response.LOW);
    }

    @Test
    void aMissingParameter_countsZero_andIsNamed_theOthersStillScore() {
        News2Score score = News2.score(new News2Inputs(26.0, 97.0, false, null, 80.0, Consciousness.ALERT, 37.0, 1));

        assertThat(score.total()).isEqualTo(3);
        assertThat(score.subScores()).doesNotContainKey(SYSTOLIC_BP).containsEntry(RESPIRATION_RATE, 3);
        assertThat(score.missing()).containsExactly(SYSTOLIC_BP);
        assertThat(score.response()).as("a single 3 below 5").isEqualTo(News2Response.LOW_MEDIUM);
    }

    @Test
    void aValueThatIsNotANumber_isMissing_notScoredZero() {
        News2Score score = News2.score(new News2Inputs(Double.NaN, 97.0, false, 120.0, Double.POSITIVE_INFINITY,
                Consciousness.ALERT, 37.0, 1));

        assertThat(score.missing()).containsExactly(RESPIRATION_RATE, PULSE);
    }

    @Test
    void spo2OnScale2_withoutTheAirOrOxygenState_isScoredAsOnAir_andAirOrOxygenIsMissing() {
        News2Score score = News2.score(new News2Inputs(null, 97.0, null, null, null, null, null, 2));

        assertThat(score.subScores()).containsExactly(entry(SPO2, 0));
        assertThat(score.missing()).contains(AIR_OR_OXYGEN);
        assertThat(News2.score(new News2Inputs(null, 85.0, null, null, null, null, null, 2)).subScores())
                .as("below the target range it scores whatever the state").containsEntry(SPO2, 2);
    }

    @Test
    void oxygen_adds2_andMovesScale2sHighSide() {
        News2Score onAir = News2.score(new News2Inputs(null, 97.0, false, null, null, null, null, 2));
        News2Score onOxygen = News2.score(new News2Inputs(null, 97.0, true, null, null, null, null, 2));

        assertThat(onAir.total()).isZero();
        assertThat(onOxygen.total()).as("SpO2 3 + oxygen 2").isEqualTo(5);
        assertThat(onOxygen.response()).isEqualTo(News2Response.MEDIUM);
    }

    @ParameterizedTest(name = "total {0}, single 3 {1}: {2}")
    @CsvSource({
            "0, false, LOW, NONE", "4, false, LOW, NONE", "3, true, LOW_MEDIUM, WARNING", "4, true, LOW_MEDIUM, WARNING",
            "5, false, MEDIUM, WARNING", "5, true, MEDIUM, WARNING", "6, false, MEDIUM, WARNING",
            "6, true, MEDIUM, WARNING", "7, false, HIGH, CRITICAL", "7, true, HIGH, CRITICAL",
            "20, true, HIGH, CRITICAL"})
    void theResponseBand_ofATotal(int total, boolean singleThree, News2Response band, Severity severity) {
        assertThat(News2Response.of(total, singleThree)).isEqualTo(band);
        assertThat(band.severity()).isEqualTo(severity);
    }

    @Test
    void aNegativeTotal_isNoScore() {
        assertThatThrownBy(() -> News2Response.of(-1, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "4 from 1s, no 3                  | 10.0 | 95.0 | false | 105.0 | 95.0  | A | 37.0 | 4 | LOW",
            "5 from 1s                        | 10.0 | 95.0 | false | 105.0 | 95.0  | A | 38.5 | 5 | MEDIUM",
            "3 from a lone pulse of 131       | 16.0 | 98.0 | false | 120.0 | 131.0 | A | 37.0 | 3 | LOW_MEDIUM",
            "3 from new confusion             | 16.0 | 98.0 | false | 120.0 | 70.0  | C | 37.0 | 3 | LOW_MEDIUM",
            "4 from a 3 and a 1               | 16.0 | 98.0 | false | 120.0 | 131.0 | A | 38.5 | 4 | LOW_MEDIUM",
            "6 from 2s                        | 22.0 | 93.0 | false | 98.0  | 70.0  | A | 37.0 | 6 | MEDIUM",
            "7 from 2s and a 1                | 22.0 | 93.0 | false | 98.0  | 95.0  | A | 37.0 | 7 | HIGH"})
    void scoresAroundTheBandEdges_fallInTheirBand(String why, double rr, double spo2, boolean oxygen, double sbp,
                                                  double pulse, String acvpu, double temperature, int total,
                                                  News2Response band) {
        News2Score score = News2.score(new News2Inputs(rr, spo2, oxygen, sbp, pulse,
                Consciousness.ofCode(acvpu).orElseThrow(), temperature, 1));

        assertThat(score.total()).isEqualTo(total);
        assertThat(score.response()).isEqualTo(band);
    }

    @Test
    void aScaleOtherThan1Or2_isRefused() {
        assertThatThrownBy(() -> new News2Inputs(null, 90.0, null, null, null, null, null, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
