package org.wardwatch.model.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.reading.Metric;

class FunctionConfigReaderTest {

    @Test
    void aMetricsOverride_replacesItsDefaultBands_andLeavesTheOthers() {
        FunctionConfig config = FunctionConfigReader.parse("{\"thresholds\": {\"spo2\": [{\"max\": 87, \"severity\": "
                + "\"CRITICAL\"}, {\"min\": 88, \"max\": 90, \"severity\": \"WARNING\"}]}}", "t.json");

        assertThat(config.thresholds().classify(Metric.SPO2, 90)).isEqualTo(Severity.WARNING);
        assertThat(config.thresholds().classify(Metric.SPO2, 91)).isEqualTo(Severity.NONE);
        assertThat(config.thresholds().classify(Metric.HEART_RATE, 131)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aRoomMetricIsOverriddenLikeAVitalSign_andPressureBandsAreOverTheIsolationMargin() {
        FunctionConfig config = FunctionConfigReader.parse("{\"thresholds\": {"
                + "\"co2\": [{\"min\": 1500, \"below\": 3000, \"severity\": \"WARNING\"},"
                + " {\"min\": 3000, \"severity\": \"CRITICAL\"}],"
                + "\"differential_pressure\": [{\"max\": 0.0, \"severity\": \"CRITICAL\"},"
                + " {\"above\": 0.0, \"below\": 5.0, \"severity\": \"WARNING\"}]}}", "t.json");

        assertThat(config.thresholds().classify(Metric.CO2, 1499)).isEqualTo(Severity.NONE);
        assertThat(config.thresholds().classify(Metric.CO2, 2500)).isEqualTo(Severity.WARNING);
        assertThat(config.thresholds().classify(Metric.DIFFERENTIAL_PRESSURE, 4.9)).isEqualTo(Severity.WARNING);
        assertThat(config.thresholds().describe())
                .contains("differential_pressure (Pa, isolation margin): <= 0.0 CRITICAL, >0.0..<5.0 WARNING");
    }

    @Test
    void noBlocks_giveTheDefaults_andOtherBlocksAreSynthsAlone() {
        FunctionConfig config = FunctionConfigReader.parse("{\"contacts\": [], \"account\": 1}", "t.json");

        assertThat(config.thresholds().describe()).isEqualTo(FunctionConfig.defaults().thresholds().describe());
        assertThat(config.storageProfiles()).containsOnlyKeys("vaccine_fridge", "vaccine_freezer", "ultra_low_freezer");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"pulse\": [{\"max\": 1, \"severity\": \"WARNING\"}]}       | thresholds.pulse: unknown metric (metrics with threshold bands: heart_rate, respiratory_rate, spo2, systolic_bp, diastolic_bp, body_temperature, glucose, room_temperature, relative_humidity, co2, pm2_5, differential_pressure)",
            "{\"spo2\": {}}                                               | thresholds.spo2: needs bands, clearSides or both",
            "{\"spo2\": 3}                                                | thresholds.spo2: must be a non-empty list of bands, or an object with bands and/or clearSides",
            "{\"spo2\": []}                                               | thresholds.spo2: must be a non-empty list of bands",
            "{\"spo2\": [{\"severity\": \"WARNING\"}]}                    | thresholds.spo2[0]: needs min or above, max or below, or both",
            "{\"spo2\": [{\"max\": 90, \"severity\": \"LOUD\"}]}          | thresholds.spo2[0].severity: must be WARNING or CRITICAL",
            "{\"spo2\": [{\"max\": \"90\", \"severity\": \"WARNING\"}]}   | thresholds.spo2[0].max: must be a number",
            "{\"spo2\": [{\"max\": 91.5, \"severity\": \"CRITICAL\"}]}    | thresholds.spo2[0].max: spo2 bounds have at most 0 decimal place(s), as its values are shown, so 91.5 cannot be a bound (above or below gives an exclusive one)",
            "{\"spo2\": [{\"min\": 95, \"max\": 90, \"severity\": \"WARNING\"}]} | thresholds.spo2[0]: min 95 is above max 90",
            "{\"spo2\": [{\"max\": 91, \"severity\": \"CRITICAL\"}, {\"min\": 91, \"max\": 93, \"severity\": \"WARNING\"}]} | thresholds.spo2[1]: overlaps thresholds.spo2[0] (a value would be in both)",
            "{\"spo2\": [{\"max\": 91, \"severity\": \"CRITICAL\", \"colour\": \"red\"}]} | thresholds.spo2[0].colour: unknown field (allowed: min, above, max, below, severity)",
            "{\"spo2\": [{\"min\": 80, \"above\": 81, \"severity\": \"CRITICAL\"}]} | thresholds.spo2[0]: has both min and above (one of them, at most)",
            "{\"spo2\": [{\"above\": 90, \"max\": 90, \"severity\": \"CRITICAL\"}]} | thresholds.spo2[0]: above 90 and max 90 leave no value in the band",
            "{\"spo2\": [{\"below\": 92, \"severity\": \"CRITICAL\"}, {\"max\": 90, \"severity\": \"WARNING\"}]} | thresholds.spo2[1]: overlaps thresholds.spo2[0] (a value would be in both)",
            "{\"spo2\": [{\"min\": 90, \"severity\": \"WARNING\"}]} | thresholds.spo2: >= 90 WARNING contains the typical spo2 97 (a band lies below or above the normal range)",
            "{\"spo2\": [{\"below\": 90, \"severity\": \"WARNING\"}]} | thresholds.spo2: leaves the low side without its CRITICAL band (< 92 CRITICAL); to mean it, write {\"bands\": [...], \"removesCritical\": true, \"reason\": \"...\"}",
            "{\"spo2\": {\"bands\": [{\"below\": 90, \"severity\": \"WARNING\"}], \"removesCritical\": true}} | thresholds.spo2.reason: is required (a non-empty text) with removesCritical",
            "{\"spo2\": {\"bands\": [{\"below\": 90, \"severity\": \"WARNING\"}], \"removesCritical\": \"yes\", \"reason\": \"x\"}} | thresholds.spo2.removesCritical: must be true or false",
            "{\"spo2\": {\"clearSides\": [\"left\"]}}                   | thresholds.spo2.clearSides: must be a list of low and/or high",
            "{\"spo2\": {\"bands\": 1}}                                  | thresholds.spo2.bands: must be a list of bands",
            "{\"spo2\": {\"bands\": [{\"below\": 80, \"severity\": \"CRITICAL\"}], \"why\": 1}} | thresholds.spo2.why: unknown field (allowed: bands, clearSides, removesCritical, reason)",
            "{\"glucose\": {\"bands\": [{\"min\": 300, \"severity\": \"CRITICAL\"}], \"clearSides\": [\"high\"]}} | thresholds.glucose: clears the high side, yet >= 300 CRITICAL is on it",
            "{\"door_open\": []}                                          | thresholds.door_open: takes no threshold bands",
            "{\"storage_temperature\": []}                                | thresholds.storage_temperature: storage temperatures are watched by the cold chain (storage profiles and excursion delays), not by threshold bands",
            "[1]                                                          | thresholds: must be an object of metric -> list of bands"
    })
    void aBadThresholdsBlock_stopsTheStart_namingTheFileAndThePath(String thresholds, String problem) {
        assertThatThrownBy(() -> FunctionConfigReader.parse("{\"thresholds\": " + thresholds + "}", "tenant.json"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("invalid tenant configuration tenant.json:\n  " + problem);
    }

    @Test
    void textThatIsNotJson_isOneLine() {
        assertThatThrownBy(() -> FunctionConfigReader.parse("{oops", "tenant.json"))
                .hasMessageStartingWith("invalid tenant configuration tenant.json:\n  not valid JSON: ");
    }
}
