package org.wardwatch.model.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.model.alert.Severity.CRITICAL;
import static org.wardwatch.model.alert.Severity.NONE;
import static org.wardwatch.model.alert.Severity.WARNING;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.reading.Metric;

class ThresholdTableTest {

    private final ThresholdTable news2 = ThresholdTable.news2Defaults();

    /** Every band edge of docs/clinical-defaults.md's NEWS2 table, glucose levels, and the rounding between them. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "respiratory_rate, 8, CRITICAL", "respiratory_rate, 9, NONE", "respiratory_rate, 20, NONE",
            "respiratory_rate, 21, WARNING", "respiratory_rate, 24, WARNING", "respiratory_rate, 25, CRITICAL",
            "spo2, 91, CRITICAL", "spo2, 92, WARNING", "spo2, 93, WARNING", "spo2, 94, NONE", "spo2, 100, NONE",
            "spo2, 91.5, WARNING", "spo2, 91.49, CRITICAL", "spo2, 93.5, NONE",
            "systolic_bp, 90, CRITICAL", "systolic_bp, 91, WARNING", "systolic_bp, 100, WARNING",
            "systolic_bp, 101, NONE", "systolic_bp, 219, NONE", "systolic_bp, 220, CRITICAL",
            "heart_rate, 40, CRITICAL", "heart_rate, 41, NONE", "heart_rate, 110, NONE", "heart_rate, 111, WARNING",
            "heart_rate, 130, WARNING", "heart_rate, 131, CRITICAL", "heart_rate, 130.5, CRITICAL",
            "body_temperature, 35.0, CRITICAL", "body_temperature, 35.04, CRITICAL", "body_temperature, 35.05, NONE",
            "body_temperature, 39.0, NONE", "body_temperature, 39.05, WARNING", "body_temperature, 39.1, WARNING",
            "glucose, 53, CRITICAL", "glucose, 53.5, WARNING", "glucose, 54, WARNING", "glucose, 69, WARNING",
            "glucose, 70, NONE", "glucose, 250, NONE", "glucose, 250.4, NONE", "glucose, 250.5, WARNING",
            "diastolic_bp, 20, NONE", "diastolic_bp, 150, NONE", "storage_temperature, 30, NONE"
    })
    void news2Defaults_classifyEveryBandEdge(String metric, double value, Severity expected) {
        assertThat(news2.classify(Metric.fromCode(metric).orElseThrow(), value)).isEqualTo(expected);
    }

    @Test
    void override_replacesOnlyTheMetricsItNames() {
        ThresholdTable table = news2.withOverrides(java.util.Map.of(Metric.SPO2,
                java.util.List.of(ThresholdBand.atMost("87", CRITICAL), ThresholdBand.between("88", "90", WARNING))));

        assertThat(table.classify(Metric.SPO2, 87)).isEqualTo(CRITICAL);
        assertThat(table.classify(Metric.SPO2, 90)).isEqualTo(WARNING);
        assertThat(table.classify(Metric.SPO2, 91)).isEqualTo(NONE);
        assertThat(table.classify(Metric.HEART_RATE, 131)).isEqualTo(CRITICAL);
    }

    @Test
    void describe_listsEachBandedMetricAsStaffReadIt() {
        assertThat(news2.describe()).contains("spo2 (%): <= 91 CRITICAL, 92..93 WARNING")
                .noneMatch(line -> line.startsWith("diastolic_bp"));
    }

    @Test
    void aBandWithoutBounds_isRefused() {
        assertThatThrownBy(() -> new ThresholdBand(null, null, WARNING)).isInstanceOf(IllegalArgumentException.class);
    }
}
