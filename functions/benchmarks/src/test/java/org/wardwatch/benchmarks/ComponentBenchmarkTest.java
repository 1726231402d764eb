package org.wardwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.BedAlert;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.reading.Metric;

class ComponentBenchmarkTest {

    @Test
    void bedAlertFixture_isCountedAndChangesNoAlert() {
        BedAlert.Step step = new ComponentBenchmark().bedAlertStillWarning();

        assertThat(step.late()).isFalse();
        assertThat(step.counted()).isTrue();
        assertThat(step.transition()).isEmpty();
        assertThat(step.state().severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void patientBandsFixture_isScale2WithThePatientsHeartRate_andKeepsTheTenantsOtherBands() {
        ThresholdTable bands = new ComponentBenchmark().patientBandsScale2WithOverride();

        assertThat(bands.classify(Metric.SPO2, 89)).isEqualTo(Severity.NONE);
        assertThat(bands.classify(Metric.SPO2, 84)).isEqualTo(Severity.WARNING);
        assertThat(bands.classify(Metric.HEART_RATE, 115)).isEqualTo(Severity.NONE);
        assertThat(bands.classify(Metric.HEART_RATE, 135)).isEqualTo(Severity.WARNING);
        assertThat(bands.classify(Metric.HEART_RATE, 40)).isEqualTo(Severity.CRITICAL);
        assertThat(bands.classify(Metric.BODY_TEMPERATURE, 35.0)).isEqualTo(Severity.CRITICAL);
    }
}
