package org.wardwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.MessageValidator;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.tenant.VitalsPolicy;
import org.wardwatch.functions.core.Reading;
import org.wardwatch.functions.core.RejectionReason;
import org.wardwatch.functions.core.Validation;

/** The benchmarks measure the paths they are named for: each fixture ends where its benchmark says. */
class MessagesTest {

    private final MessageValidator validator = Messages.validator();

    @Test
    void typicalMessages_areAcceptedWithTheirReadings() {
        assertThat(accepted(Messages.THERMOMETER, Messages.ONE_READING).readings()).hasSize(1);
        assertThat(accepted(Messages.OXIMETER, Messages.TWO_READINGS).readings()).hasSize(2);
        assertThat(accepted(Messages.OXIMETER, Messages.TWO_READINGS_ALERTING).readings()).hasSize(2);
        assertThat(accepted(Messages.OXIMETER, Messages.TWO_READINGS_SCALE_2).readings()).hasSize(2);
        assertThat(accepted(Messages.NEWS2_OXIMETER, Messages.NEWS2_TWO_READINGS).readings()).hasSize(2);
        assertThat(accepted(Messages.NEWS2_OXIMETER, Messages.NEWS2_TWO_READINGS_RAISING).readings()).hasSize(2);
        assertThat(accepted(Messages.FRIDGE, Messages.STORAGE_READING).readings()).extracting(Reading::metric)
                .containsExactly(Metric.STORAGE_TEMPERATURE, Metric.DOOR_OPEN);
    }

    @Test
    void openingAlertMessage_carriesSpO2LowEnoughToSkipTheAlarmDelay() {
        Reading spo2 = accepted(Messages.OXIMETER, Messages.TWO_READINGS_ALERTING).readings().get(0);

        assertThat(spo2.metric()).isEqualTo(Metric.SPO2);
        assertThat(AlarmDelays.defaults().of(Metric.SPO2).immediate(spo2.value())).isTrue();
    }

    @Test
    void news2WardsQuietMessage_differsFromTheThresholdsWardsOnlyInItsNames() {
        String thresholds = new String(Messages.TWO_READINGS, StandardCharsets.UTF_8);
        String news2 = new String(Messages.NEWS2_TWO_READINGS, StandardCharsets.UTF_8);

        assertThat(news2).hasSameSizeAs(thresholds).isEqualTo(thresholds.replace("icu3-bed4", "amu1-bed7"));
        assertThat(Messages.vitalsOf(Messages.NEWS2_WARD)).isEqualTo(VitalsPolicy.NEWS2);
        assertThat(Messages.vitalsOf("ICU-3")).isEqualTo(VitalsPolicy.THRESHOLDS);
    }

    @Test
    void fourReadingMessage_decodesFour_andKeepsTheThreeACardiacMonitorMeasures() {
        Validation.Accepted accepted = accepted(Messages.CARDIAC_MONITOR, Messages.FOUR_READINGS);

        assertThat(accepted.readings()).hasSize(3);
        assertThat(accepted.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectionReason.METRIC_NOT_ALLOWED_FOR_KIND));
    }

    @Test
    void rejectedPayloads_areRejectedForTheirReason() {
        assertThat(rejection(Messages.OXIMETER, Messages.TRUNCATED)).isEqualTo(RejectionReason.MALFORMED_JSON);
        assertThat(rejection(Messages.UNREGISTERED, Messages.TWO_READINGS)).isEqualTo(RejectionReason.UNKNOWN_DEVICE);
    }

    private Validation.Accepted accepted(String thing, byte[] payload) {
        Validation validation = validator.validate(Messages.envelope(thing), payload);
        assertThat(validation).isInstanceOf(Validation.Accepted.class);
        return (Validation.Accepted) validation;
    }

    private RejectionReason rejection(String thing, byte[] payload) {
        Validation validation = validator.validate(Messages.envelope(thing), payload);
        assertThat(validation).isInstanceOf(Validation.Rejected.class);
        return ((Validation.Rejected) validation).rejection().reason();
    }
}
