package org.wardwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.BedAlert;
import org.wardwatch.model.alert.Severity;

class ComponentBenchmarkTest {

    @Test
    void bedAlertFixture_isCountedAndChangesNoAlert() {
        BedAlert.Step step = new ComponentBenchmark().bedAlertStillWarning();

        assertThat(step.late()).isFalse();
        assertThat(step.counted()).isTrue();
        assertThat(step.transition()).isEmpty();
        assertThat(step.state().severity()).isEqualTo(Severity.WARNING);
    }
}
