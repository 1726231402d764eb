package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.reading.Metric;

class NoSignalTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    /** A device's no-signal condition, fed message by message; alert ids N1, N2, ... */
    private static final class Probe {
        AlertState alert = AlertState.INITIAL;
        Episode period;
        final List<AlertTransition> published = new ArrayList<>();
        int ids;

        NoSignal.Step message(long millis, boolean noSignal) {
            NoSignal.Step step = NoSignal.evaluate(alert, period, T0.plusMillis(millis), noSignal, () -> "N" + (++ids));
            alert = step.alert();
            period = step.period();
            step.transition().ifPresent(published::add);
            return step;
        }
    }

    @Test
    void spo2OrHeartRateExactlyZero_isNoSignal_aValueAboveZeroIsNot() {
        assertThat(NoSignal.isNoSignal(Metric.SPO2, 0, false)).isTrue();
        assertThat(NoSignal.isNoSignal(Metric.HEART_RATE, 0, false)).isTrue();
        assertThat(NoSignal.isNoSignal(Metric.SPO2, 0.1, false)).isFalse();
        assertThat(NoSignal.isNoSignal(Metric.HEART_RATE, 1, false)).isFalse();
    }

    @Test
    void zeroOfAnotherMetric_isNotNoSignal() {
        assertThat(NoSignal.isNoSignal(Metric.RESPIRATORY_RATE, 0, false)).isFalse();
    }

    @Test
    void aReadingMarkedNoSignal_isNoSignalWhateverItsValue() {
        assertThat(NoSignal.isNoSignal(Metric.SPO2, 97, true)).isTrue();
        assertThat(NoSignal.isNoSignal(Metric.SYSTOLIC_BP, 120, true)).isTrue();
    }

    @Test
    void noSignalHeldExactly30Seconds_opensADeviceWarning_oneMillisecondLessDoesNot() {
        Probe probe = new Probe();
        probe.message(0, true);
        probe.message(29_999, true);
        assertThat(probe.published).isEmpty();
        assertThat(probe.period.start()).isEqualTo(T0);

        probe.message(30_000, true);
        probe.message(40_000, true);

        assertThat(probe.published).containsExactly(new AlertTransition(Transition.OPENED, "N1", Severity.WARNING,
                Severity.NONE, T0.plusSeconds(30), T0.plusSeconds(30)));
    }

    @Test
    void theFirstValidReading_resolvesTheAlertAndEndsThePeriod() {
        Probe probe = new Probe();
        probe.message(0, true);
        probe.message(30_000, true);

        NoSignal.Step step = probe.message(35_000, false);

        assertThat(step.transition()).contains(new AlertTransition(Transition.RESOLVED, "N1", Severity.NONE,
                Severity.WARNING, T0.plusSeconds(30), T0.plusSeconds(35)));
        assertThat(step.period()).isNull();
        assertThat(step.alert().severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void aValidReadingWithin30Seconds_endsThePeriodSilently_andTheNextNoSignalStartsAnew() {
        Probe probe = new Probe();
        probe.message(0, true);
        probe.message(20_000, false);
        probe.message(25_000, true);
        probe.message(50_000, true);
        assertThat(probe.published).isEmpty();
        assertThat(probe.period.start()).isEqualTo(T0.plusSeconds(25));

        probe.message(55_000, true);

        assertThat(probe.published).extracting(AlertTransition::transition).containsExactly(Transition.OPENED);
    }

    @Test
    void aLateMessage_changesNothing() {
        Probe probe = new Probe();
        probe.message(0, true);
        probe.message(30_000, true);

        NoSignal.Step step = probe.message(30_000, false);

        assertThat(step.late()).isTrue();
        assertThat(step.transition()).isEmpty();
        assertThat(step.alert().severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void noSignal_isADeviceConditionWithCodeNoSignal() {
        assertThat(DeviceCondition.NO_SIGNAL.code()).isEqualTo("no_signal");
    }
}
