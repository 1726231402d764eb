package org.wardwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.BedAlert;
import org.wardwatch.functions.core.News2Picture;
import org.wardwatch.functions.core.News2Value;
import org.wardwatch.functions.service.OutgoingAlert;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.news2.News2Response;
import org.wardwatch.model.news2.News2Score;
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
    void news2ScoreFixture_isTheIssuesExample_8_anEmergencyResponse() {
        News2Score score = new ComponentBenchmark().news2Score();

        assertThat(score.total()).isEqualTo(8);
        assertThat(score.partial()).isFalse();
        assertThat(score.response()).isEqualTo(News2Response.HIGH);
    }

    @Test
    void news2PictureFixture_hasAValueForEverySeven() {
        News2Picture picture = new ComponentBenchmark().news2Picture();

        assertThat(picture.values()).extracting(News2Value::parameter).containsExactly(News2Parameter.values());
    }

    @Test
    void news2RenderFixture_isAWarningOpenedAt5() {
        OutgoingAlert alert = new ComponentBenchmark().renderNews2Opened();

        assertThat(alert.subject()).contains("WARNING: NEWS2 5 (medium)");
        assertThat(alert.message()).contains("[wardwatch] WARNING NEWS2 5 | AMU-1 bed 7 | SpO2 3 HR 2 |")
                .contains("Temperature       36.9 C");
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
