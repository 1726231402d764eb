package org.wardwatch.model.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.reading.Metric;

class AlarmDelaysTest {

    private final AlarmDelays defaults = AlarmDelays.defaults();

    @ParameterizedTest(name = "{0} {1} at once: {2}")
    @CsvSource({"spo2, 85, true", "spo2, 84.9, true", "spo2, 85.001, false", "spo2, 92, false",
            "heart_rate, 40, true", "heart_rate, 40.5, false", "heart_rate, 149.9, false", "heart_rate, 150, true",
            "glucose, 20, false", "respiratory_rate, 4, false"})
    void extremeValues_skipTheDelay_boundariesIncluded(String metric, double value, boolean immediate) {
        assertThat(defaults.of(Metric.fromCode(metric).orElseThrow()).immediate(value)).isEqualTo(immediate);
    }

    @Test
    void continuouslyMonitoredSigns_resolveAfterAMinute_spotChecksAtOnce() {
        assertThat(defaults.of(Metric.SPO2).confirm()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.of(Metric.SYSTOLIC_BP).resolve()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.of(Metric.SYSTOLIC_BP).confirm()).isZero();
        assertThat(defaults.of(Metric.GLUCOSE)).isEqualTo(AlarmDelay.NONE);
        assertThat(defaults.of(Metric.BODY_TEMPERATURE)).isEqualTo(AlarmDelay.NONE);
    }
}
