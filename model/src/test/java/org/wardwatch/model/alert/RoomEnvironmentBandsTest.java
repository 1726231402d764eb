package org.wardwatch.model.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.device.Isolation;
import org.wardwatch.model.reading.Metric;

/** The room environment's defaults at every edge, compared as measured (docs/clinical-defaults.md, "Room environment"). */
class RoomEnvironmentBandsTest {

    private final ThresholdTable defaults = ThresholdTable.news2Defaults();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "room_temperature, 17.9, WARNING", "room_temperature, 17.99, WARNING", "room_temperature, 18.0, NONE",
            "room_temperature, 28.0, NONE", "room_temperature, 28.01, WARNING", "room_temperature, 28.1, WARNING",
            "relative_humidity, 19.9, WARNING", "relative_humidity, 20, NONE", "relative_humidity, 60, NONE",
            "relative_humidity, 60.1, WARNING",
            "co2, 999, NONE", "co2, 1000, WARNING", "co2, 1999.9, WARNING", "co2, 2000, CRITICAL",
            "pm2_5, 34.9, NONE", "pm2_5, 35, WARNING"
    })
    void roomAirIsClassifiedAtEachEdge(String metric, double value, Severity expected) {
        assertThat(defaults.classify(Metric.fromCode(metric).orElseThrow(), value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} Pa in a {0} room -> {2}")
    @CsvSource({
            "NEGATIVE, -5.0, NONE", "NEGATIVE, -2.5, NONE", "NEGATIVE, -2.49, WARNING", "NEGATIVE, -0.1, WARNING",
            "NEGATIVE, -0.01, WARNING", "NEGATIVE, 0.0, CRITICAL", "NEGATIVE, 0.4, CRITICAL",
            "POSITIVE, 5.0, NONE", "POSITIVE, 2.5, NONE", "POSITIVE, 2.4, WARNING", "POSITIVE, 0.1, WARNING",
            "POSITIVE, 0.0, CRITICAL", "POSITIVE, -0.4, CRITICAL"
    })
    void pressureIsClassifiedByTheRoomsIsolation(Isolation isolation, double pascal, Severity expected) {
        double margin = Metric.DIFFERENTIAL_PRESSURE.bandsCompare(pascal, isolation).orElseThrow();
        assertThat(defaults.classify(Metric.DIFFERENTIAL_PRESSURE, margin)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} Pa")
    @CsvSource({"-5.0", "0.0", "3.0"})
    void aRoomWithoutIsolationHasNoPressureBands(double pascal) {
        assertThat(Metric.DIFFERENTIAL_PRESSURE.bandsCompare(pascal, Isolation.NONE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"co2", "pm2_5", "room_temperature", "relative_humidity"})
    void otherMetricsCompareTheirReadingWhateverTheIsolation(String metric) {
        assertThat(Metric.fromCode(metric).orElseThrow().bandsCompare(1234.5, Isolation.NEGATIVE)).contains(1234.5);
    }
}
