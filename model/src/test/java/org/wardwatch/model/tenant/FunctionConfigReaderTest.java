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
                + "\"co2\": [{\"min\": 1500, \"severity\": \"WARNING\"}],"
                + "\"differential_pressure\": [{\"max\": 0.0, \"severity\": \"CRITICAL\"},"
                + " {\"min\": 0.1, \"max\": 7.9, \"severity\": \"WARNING\"}]}}", "t.json");

        assertThat(config.thresholds().classify(Metric.CO2, 1499)).isEqualTo(Severity.NONE);
        assertThat(config.thresholds().classify(Metric.CO2, 2500)).isEqualTo(Severity.WARNING);
        assertThat(config.thresholds().classify(Metric.DIFFERENTIAL_PRESSURE, 7.9)).isEqualTo(Severity.WARNING);
        assertThat(config.thresholds().describe())
                .contains("differential_pressure (Pa, isolation margin): <= 0.0 CRITICAL, 0.1..7.9 WARNING");
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
            "{\"spo2\": {}}                                               | thresholds.spo2: must be a non-empty list of bands",
            "{\"spo2\": []}                                               | thresholds.spo2: must be a non-empty list of bands",
            "{\"spo2\": [{\"severity\": \"WARNING\"}]}                    | thresholds.spo2[0]: needs min, max or both",
            "{\"spo2\": [{\"max\": 90, \"severity\": \"LOUD\"}]}          | thresholds.spo2[0].severity: must be WARNING or CRITICAL",
            "{\"spo2\": [{\"max\": \"90\", \"severity\": \"WARNING\"}]}   | thresholds.spo2[0].max: must be a number",
            "{\"spo2\": [{\"max\": 91.5, \"severity\": \"CRITICAL\"}]}    | thresholds.spo2[0].max: spo2 is compared at 0 decimal place(s), so 91.5 cannot be a bound",
            "{\"spo2\": [{\"min\": 95, \"max\": 90, \"severity\": \"WARNING\"}]} | thresholds.spo2[0]: min 95 is above max 90",
            "{\"spo2\": [{\"max\": 91, \"severity\": \"CRITICAL\"}, {\"min\": 91, \"max\": 93, \"severity\": \"WARNING\"}]} | thresholds.spo2[1]: overlaps thresholds.spo2[0] (a value would be in both)",
            "{\"spo2\": [{\"max\": 91, \"severity\": \"CRITICAL\", \"colour\": \"red\"}]} | thresholds.spo2[0].colour: unknown field (allowed: min, max, severity)",
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
