package org.wardwatch.model.news2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every column edge of the RCP 2017 chart (docs/clinical-defaults.md, "Vital signs: NEWS2"), both sides of each
 * boundary, and values between two whole-number columns (they take the more severe one).
 */
class News2ChartTest {

    private static int scoreOf(News2Parameter parameter, News2Inputs inputs) {
        return News2.score(inputs).subScores().get(parameter);
    }

    private static News2Inputs only(News2Parameter parameter, double value) {
        return switch (parameter) {
            case RESPIRATION_RATE -> new News2Inputs(value, null, null, null, null, null, null, 1);
            case SPO2 -> new News2Inputs(null, value, null, null, null, null, null, 1);
            case SYSTOLIC_BP -> new News2Inputs(null, null, null, value, null, null, null, 1);
            case PULSE -> new News2Inputs(null, null, null, null, value, null, null, 1);
            case TEMPERATURE -> new News2Inputs(null, null, null, null, null, null, value, 1);
            default -> throw new IllegalArgumentException(parameter + " is not measured");
        };
    }

    @ParameterizedTest(name = "respiration rate {0} /min scores {1}")
    @CsvSource({
            "0, 3", "8, 3", "8.5, 3", "9, 1", "11, 1", "11.5, 1", "12, 0", "20, 0", "20.5, 2", "21, 2", "24, 2",
            "24.5, 3", "25, 3", "60, 3"})
    void respirationRate_scoresItsColumn(double value, int score) {
        assertThat(scoreOf(News2Parameter.RESPIRATION_RATE, only(News2Parameter.RESPIRATION_RATE, value)))
                .isEqualTo(score);
    }

    @ParameterizedTest(name = "SpO2 {0} % on scale 1 scores {1}")
    @CsvSource({
            "70, 3", "91, 3", "91.5, 3", "91.999, 3", "92, 2", "93, 2", "93.5, 2", "94, 1", "95, 1", "95.5, 1",
            "96, 0", "100, 0"})
    void spo2OnScale1_scoresItsColumn_onAirOrOxygenAlike(double value, int score) {
        assertThat(scoreOf(News2Parameter.SPO2, only(News2Parameter.SPO2, value))).isEqualTo(score);
        for (boolean oxygen : new boolean[] {false, true}) {
            assertThat(scoreOf(News2Parameter.SPO2, new News2Inputs(null, value, oxygen, null, null, null, null, 1)))
                    .as("on oxygen " + oxygen).isEqualTo(score);
        }
    }

    @ParameterizedTest(name = "SpO2 {0} % on scale 2 scores {1} on air, {2} on oxygen")
    @CsvSource({
            "70, 3, 3", "83, 3, 3", "83.5, 3, 3", "84, 2, 2", "85, 2, 2", "85.5, 2, 2", "86, 1, 1", "87, 1, 1",
            "87.5, 1, 1", "88, 0, 0", "89, 0, 0", "90, 0, 0", "91, 0, 0", "92, 0, 0", "92.5, 0, 1", "93, 0, 1",
            "94, 0, 1", "94.5, 0, 2", "95, 0, 2", "96, 0, 2", "96.5, 0, 3", "97, 0, 3", "100, 0, 3"})
    void spo2OnScale2_scoresItsColumn_andAbove92OnlyOnOxygen(double value, int onAir, int onOxygen) {
        assertThat(scoreOf(News2Parameter.SPO2, new News2Inputs(null, value, false, null, null, null, null, 2)))
                .as("on air").isEqualTo(onAir);
        assertThat(scoreOf(News2Parameter.SPO2, new News2Inputs(null, value, true, null, null, null, null, 2)))
                .as("on oxygen").isEqualTo(onOxygen);
    }

    @ParameterizedTest(name = "systolic BP {0} mmHg scores {1}")
    @CsvSource({
            "50, 3", "90, 3", "90.5, 3", "91, 2", "100, 2", "100.5, 2", "101, 1", "110, 1", "110.5, 1", "111, 0",
            "219, 0", "219.5, 3", "220, 3", "280, 3"})
    void systolicBp_scoresItsColumn(double value, int score) {
        assertThat(scoreOf(News2Parameter.SYSTOLIC_BP, only(News2Parameter.SYSTOLIC_BP, value))).isEqualTo(score);
    }

    @ParameterizedTest(name = "pulse {0} /min scores {1}")
    @CsvSource({
            "20, 3", "40, 3", "40.5, 3", "41, 1", "50, 1", "50.5, 1", "51, 0", "90, 0", "90.5, 1", "91, 1", "110, 1",
            "110.5, 2", "111, 2", "130, 2", "130.5, 3", "131, 3", "200, 3"})
    void pulse_scoresItsColumn(double value, int score) {
        assertThat(scoreOf(News2Parameter.PULSE, only(News2Parameter.PULSE, value))).isEqualTo(score);
    }

    @ParameterizedTest(name = "temperature {0} degC scores {1}")
    @CsvSource({
            "33.0, 3", "35.0, 3", "35.05, 3", "35.1, 1", "35.5, 1", "36.0, 1", "36.05, 1", "36.1, 0", "37.0, 0",
            "38.0, 0", "38.05, 1", "38.1, 1", "39.0, 1", "39.05, 2", "39.1, 2", "41.0, 2"})
    void temperature_scoresItsColumn_inTenths(double value, int score) {
        assertThat(scoreOf(News2Parameter.TEMPERATURE, only(News2Parameter.TEMPERATURE, value))).isEqualTo(score);
    }

    @ParameterizedTest(name = "on oxygen {0} scores {1}")
    @CsvSource({"false, 0", "true, 2"})
    void airOrOxygen_scoresOxygen2_andAir0(boolean oxygen, int score) {
        assertThat(scoreOf(News2Parameter.AIR_OR_OXYGEN, new News2Inputs(null, null, oxygen, null, null, null, null,
                1))).isEqualTo(score);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Consciousness.class)
    void consciousness_scoresAlert0_andNewConfusionVoicePainOrUnresponsive3(Consciousness acvpu) {
        int score = scoreOf(News2Parameter.CONSCIOUSNESS, new News2Inputs(null, null, null, null, null, acvpu, null,
                1));

        assertThat(score).isEqualTo(acvpu == Consciousness.ALERT ? 0 : 3);
    }
}
