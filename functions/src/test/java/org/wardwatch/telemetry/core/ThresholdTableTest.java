package org.wardwatch.telemetry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.telemetry.core.Severity.CRITICAL;
import static org.wardwatch.telemetry.core.Severity.NONE;
import static org.wardwatch.telemetry.core.Severity.WARNING;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ThresholdTableTest {

    private final ThresholdTable news2 = ThresholdTable.news2Defaults();

    /** Every band edge of shared/REFERENCE.md's NEWS2 table, glucose levels, and the rounding between them. */
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
        ThresholdTable table = news2.withOverrides(ThresholdOverrides.parse("WARDWATCH_THRESHOLDS",
                "{\"spo2\": [{\"max\": 87, \"severity\": \"CRITICAL\"}, {\"min\": 88, \"max\": 90, \"severity\": \"WARNING\"}]}"));

        assertThat(table.classify(Metric.SPO2, 87)).isEqualTo(CRITICAL);
        assertThat(table.classify(Metric.SPO2, 90)).isEqualTo(WARNING);
        assertThat(table.classify(Metric.SPO2, 91)).isEqualTo(NONE);
        assertThat(table.classify(Metric.HEART_RATE, 131)).isEqualTo(CRITICAL);
    }

    @Test
    void emptyOverride_switchesAMetricsAlertsOff() {
        ThresholdTable table = news2.withOverrides(ThresholdOverrides.parse("t", "{\"heart_rate\": []}"));

        assertThat(table.classify(Metric.HEART_RATE, 200)).isEqualTo(NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"pulse\": []}                                              | WARDWATCH_THRESHOLDS.pulse: unknown metric",
            "{\"spo2\": {}}                                               | WARDWATCH_THRESHOLDS.spo2: must be an array of bands",
            "{\"spo2\": [{\"severity\": \"WARNING\"}]}                    | WARDWATCH_THRESHOLDS.spo2[0]: needs min, max or both",
            "{\"spo2\": [{\"max\": 90, \"severity\": \"LOUD\"}]}          | WARDWATCH_THRESHOLDS.spo2[0].severity: must be WARNING or CRITICAL",
            "{\"spo2\": [{\"max\": \"90\", \"severity\": \"WARNING\"}]}   | WARDWATCH_THRESHOLDS.spo2[0].max: must be a number",
            "{\"spo2\": [{\"max\": 90.5, \"severity\": \"WARNING\"}]}     | WARDWATCH_THRESHOLDS.spo2[0].max: spo2 is compared at 0 decimal place(s)",
            "{\"spo2\": [{\"min\": 95, \"max\": 90, \"severity\": \"WARNING\"}]} | WARDWATCH_THRESHOLDS.spo2[0]: min is above max",
            "{\"spo2\": [{\"max\": 91, \"severity\": \"CRITICAL\"}, {\"min\": 91, \"max\": 93, \"severity\": \"WARNING\"}]} | WARDWATCH_THRESHOLDS.spo2[1]: overlaps WARDWATCH_THRESHOLDS.spo2[0]",
            "{\"spo2\": [{\"max\": 91, \"severity\": \"CRITICAL\", \"colour\": \"red\"}]} | WARDWATCH_THRESHOLDS.spo2[0].colour: unknown field (min, max, severity)",
            "{\"door_open\": []}                                          | WARDWATCH_THRESHOLDS.door_open: takes no threshold bands",
            "{\"storage_temperature\": []}                                | WARDWATCH_THRESHOLDS.storage_temperature: storage temperatures are watched by the cold chain (storage profiles and excursion delays), not by threshold bands",
            "[1]                                                          | WARDWATCH_THRESHOLDS: must be a JSON object from metric to bands",
            "{oops                                                        | WARDWATCH_THRESHOLDS: not valid JSON (line 1, column 2)"
    })
    void badOverride_failsNamingTheField(String json, String message) {
        assertThatThrownBy(() -> ThresholdOverrides.parse("WARDWATCH_THRESHOLDS", json))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(message);
    }
}
