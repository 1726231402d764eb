package org.wardwatch.model.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.model.alert.Severity.CRITICAL;
import static org.wardwatch.model.alert.Severity.NONE;
import static org.wardwatch.model.alert.Severity.WARNING;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.model.alert.ThresholdBand.Side;
import org.wardwatch.model.reading.Metric;

class ThresholdTableTest {

    private final ThresholdTable news2 = ThresholdTable.news2Defaults();

    /**
     * Every band edge of docs/clinical-defaults.md's NEWS2 table and glucose levels, compared as measured: a value
     * between two NEWS2 columns takes the more severe one.
     */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "respiratory_rate, 8, CRITICAL", "respiratory_rate, 8.999, CRITICAL", "respiratory_rate, 9, NONE",
            "respiratory_rate, 20, NONE", "respiratory_rate, 20.001, WARNING", "respiratory_rate, 24, WARNING",
            "respiratory_rate, 24.5, CRITICAL", "respiratory_rate, 25, CRITICAL",
            "spo2, 91, CRITICAL", "spo2, 91.5, CRITICAL", "spo2, 91.999, CRITICAL", "spo2, 92, WARNING",
            "spo2, 93, WARNING", "spo2, 93.999, WARNING", "spo2, 94, NONE", "spo2, 100, NONE",
            "systolic_bp, 90, CRITICAL", "systolic_bp, 90.5, CRITICAL", "systolic_bp, 91, WARNING",
            "systolic_bp, 100.9, WARNING", "systolic_bp, 101, NONE", "systolic_bp, 219, NONE",
            "systolic_bp, 219.1, CRITICAL", "systolic_bp, 220, CRITICAL",
            "heart_rate, 40, CRITICAL", "heart_rate, 40.5, CRITICAL", "heart_rate, 41, NONE", "heart_rate, 110, NONE",
            "heart_rate, 110.5, WARNING", "heart_rate, 111, WARNING", "heart_rate, 130, WARNING",
            "heart_rate, 130.001, CRITICAL", "heart_rate, 131, CRITICAL",
            "body_temperature, 35.0, CRITICAL", "body_temperature, 35.09, CRITICAL", "body_temperature, 35.1, NONE",
            "body_temperature, 39.0, NONE", "body_temperature, 39.01, WARNING", "body_temperature, 39.1, WARNING",
            "glucose, 53, CRITICAL", "glucose, 53.9, CRITICAL", "glucose, 54, WARNING", "glucose, 69.9, WARNING",
            "glucose, 70, NONE", "glucose, 250, NONE", "glucose, 250.1, WARNING", "glucose, 399.9, WARNING",
            "glucose, 400, CRITICAL", "glucose, 600, CRITICAL",
            "diastolic_bp, 20, NONE", "diastolic_bp, 150, NONE", "storage_temperature, 30, NONE"
    })
    void news2Defaults_classifyEveryBandEdgeAsMeasured(String metric, double value, Severity expected) {
        assertThat(news2.classify(Metric.fromCode(metric).orElseThrow(), value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Metric.class)
    void everyDefaultBand_liesOnOneSideOfItsMetricsTypicalValue(Metric metric) {
        for (ThresholdBand band : news2.bandsOf(metric)) {
            assertThat(band.sideOf(metric.typical().orElseThrow())).as(band.describe()).isPresent();
        }
        assertThat(metric.typical().isPresent()).isEqualTo(metric.takesThresholdBands());
    }

    @Test
    void anOverride_replacesTheSideItsBandsAreOn_andKeepsTheOtherSide() {
        ThresholdTable table = news2.withOverrides(Map.of(Metric.BODY_TEMPERATURE,
                List.of(ThresholdBand.fromBelow("38.5", "40.0", WARNING), ThresholdBand.atLeast("40.0", CRITICAL))));

        assertThat(table.classify(Metric.BODY_TEMPERATURE, 39.2)).isEqualTo(WARNING);
        assertThat(table.classify(Metric.BODY_TEMPERATURE, 38.4)).isEqualTo(NONE);
        assertThat(table.classify(Metric.BODY_TEMPERATURE, 40.0)).isEqualTo(CRITICAL);
        assertThat(table.classify(Metric.BODY_TEMPERATURE, 35.0)).as("hypothermia kept").isEqualTo(CRITICAL);
        assertThat(table.describe()).contains("body_temperature (Cel): < 35.1 CRITICAL, 38.5..<40.0 WARNING, "
                + ">= 40.0 CRITICAL");
    }

    @Test
    void anOverride_leavesOtherMetricsAlone() {
        ThresholdTable table = news2.withOverrides(Map.of(Metric.SPO2,
                List.of(ThresholdBand.atMost("87", CRITICAL), ThresholdBand.between("88", "90", WARNING))));

        assertThat(table.classify(Metric.SPO2, 87)).isEqualTo(CRITICAL);
        assertThat(table.classify(Metric.SPO2, 90)).isEqualTo(WARNING);
        assertThat(table.classify(Metric.SPO2, 91)).isEqualTo(NONE);
        assertThat(table.classify(Metric.HEART_RATE, 131)).isEqualTo(CRITICAL);
    }

    @Test
    void clearSides_replacesASideWithNothing() {
        ThresholdTable table = news2.withThresholdOverrides(Map.of(Metric.HEART_RATE,
                new ThresholdOverride(List.of(), Set.of(Side.HIGH), true, "paced patients")));

        assertThat(table.classify(Metric.HEART_RATE, 180)).isEqualTo(NONE);
        assertThat(table.classify(Metric.HEART_RATE, 40)).isEqualTo(CRITICAL);
    }

    @Test
    void anOverrideLeavingASideWithoutItsCritical_isRefused_unlessItSaysSoWithAReason() {
        ThresholdOverride warningOnly = ThresholdOverride.of(List.of(ThresholdBand.below("88", WARNING)));

        assertThat(news2.refusals("thresholds.spo2", Metric.SPO2, warningOnly)).containsExactly(
                "thresholds.spo2: leaves the low side without its CRITICAL band (< 92 CRITICAL); to mean it, write "
                        + "{\"bands\": [...], \"removesCritical\": true, \"reason\": \"...\"}");
        assertThat(news2.refusals("thresholds.spo2", Metric.SPO2,
                new ThresholdOverride(warningOnly.bands(), Set.of(), true, " "))).containsExactly(
                "thresholds.spo2.reason: is required (a non-empty text) with removesCritical");
        assertThat(news2.refusals("thresholds.spo2", Metric.SPO2,
                new ThresholdOverride(warningOnly.bands(), Set.of(), true, "oximeters read low here"))).isEmpty();
    }

    @Test
    void anOverrideKeepingACriticalOnTheSide_needsNoRemovesCritical() {
        assertThat(news2.refusals("thresholds.spo2", Metric.SPO2, ThresholdOverride.of(List.of(
                ThresholdBand.below("88", CRITICAL), ThresholdBand.fromBelow("88", "90", WARNING))))).isEmpty();
        assertThat(news2.refusals("thresholds.body_temperature", Metric.BODY_TEMPERATURE, ThresholdOverride.of(
                List.of(ThresholdBand.above("38.0", WARNING))))).as("the high side had no CRITICAL").isEmpty();
    }

    @Test
    void clearingASideWithACritical_isRefusedWithoutRemovesCritical() {
        assertThat(news2.refusals("overrides.heart_rate", Metric.HEART_RATE,
                new ThresholdOverride(List.of(), Set.of(Side.LOW), false, null))).containsExactly(
                "overrides.heart_rate: leaves the low side without its CRITICAL band (< 41 CRITICAL); to mean it, "
                        + "write {\"bands\": [...], \"removesCritical\": true, \"reason\": \"...\"}");
    }

    @Test
    void aBandContainingTheTypicalValue_isRefused_andTheMergeThrows() {
        ThresholdOverride wide = ThresholdOverride.of(List.of(ThresholdBand.below("98", CRITICAL)));

        assertThat(news2.refusals("thresholds.spo2", Metric.SPO2, wide)).containsExactly(
                "thresholds.spo2: < 98 CRITICAL contains the typical spo2 97 (a band lies below or above the normal "
                        + "range)");
        assertThatThrownBy(() -> news2.withThresholdOverrides(Map.of(Metric.SPO2, wide)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contains the typical spo2 97");
    }

    @Test
    void aBandOnAClearedSide_isRefused() {
        assertThat(news2.refusals("thresholds.glucose", Metric.GLUCOSE, new ThresholdOverride(
                List.of(ThresholdBand.above("300", CRITICAL)), Set.of(Side.HIGH), false, null))).containsExactly(
                "thresholds.glucose: clears the high side, yet > 300 CRITICAL is on it");
    }

    @Test
    void aPatientOverride_isCheckedAgainstTheTenantsTable() {
        ThresholdTable tenant = news2.withOverrides(Map.of(Metric.DIASTOLIC_BP,
                List.of(ThresholdBand.below("40", CRITICAL))));

        assertThat(tenant.refusals("overrides.diastolic_bp", Metric.DIASTOLIC_BP,
                ThresholdOverride.of(List.of(ThresholdBand.below("45", WARNING))))).hasSize(1);
        assertThat(news2.refusals("overrides.diastolic_bp", Metric.DIASTOLIC_BP,
                ThresholdOverride.of(List.of(ThresholdBand.below("45", WARNING))))).isEmpty();
    }

    @ParameterizedTest(name = "scale 2: spo2 {0} -> {1}")
    @CsvSource({"83, CRITICAL", "83.5, CRITICAL", "83.999, CRITICAL", "84, WARNING", "85, WARNING",
            "85.5, WARNING", "86, NONE", "88, NONE", "91.5, NONE", "92, NONE", "97, NONE", "100, NONE"})
    void spo2Scale2_replacesTheLowSide(double value, Severity expected) {
        assertThat(news2.withSpo2Scale2().classify(Metric.SPO2, value)).isEqualTo(expected);
    }

    @Test
    void spo2Scale2_leavesOtherMetrics() {
        assertThat(news2.withSpo2Scale2().describe()).contains("spo2 (%): < 84 CRITICAL, 84..<86 WARNING")
                .contains("heart_rate (/min): < 41 CRITICAL, >110..130 WARNING, > 130 CRITICAL");
    }

    @Test
    void describe_listsEachBandedMetricAsStaffReadIt() {
        assertThat(news2.describe()).contains("spo2 (%): < 92 CRITICAL, 92..<94 WARNING",
                        "glucose (mg/dL): < 54 CRITICAL, 54..<70 WARNING, >250..<400 WARNING, >= 400 CRITICAL",
                        "differential_pressure (Pa, isolation margin): <= 0.0 CRITICAL, >0.0..<2.5 WARNING")
                .noneMatch(line -> line.startsWith("diastolic_bp"));
    }

    @Test
    void aBandWithoutBoundsOrWithNoValueInside_isRefused() {
        assertThatThrownBy(() -> new ThresholdBand(null, null, WARNING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThresholdBand.fromBelow("90", "90", WARNING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ThresholdBand.between("90", "90", WARNING).contains(new java.math.BigDecimal("90"))).isTrue();
    }

    @Test
    void exclusiveNeighbours_doNotOverlap_butSharingAnIncludedValueDoes() {
        assertThat(ThresholdBand.below("92", CRITICAL).overlaps(ThresholdBand.fromBelow("92", "94", WARNING)))
                .isFalse();
        assertThat(ThresholdBand.atMost("92", CRITICAL).overlaps(ThresholdBand.fromBelow("92", "94", WARNING)))
                .isTrue();
        assertThat(ThresholdBand.atMost("92", CRITICAL).overlaps(ThresholdBand.above("92", WARNING))).isFalse();
    }
}
