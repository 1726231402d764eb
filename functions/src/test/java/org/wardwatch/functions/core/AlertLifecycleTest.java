package org.wardwatch.functions.core;

import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.reading.Metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.model.alert.Severity.CRITICAL;
import static org.wardwatch.model.alert.Severity.NONE;
import static org.wardwatch.model.alert.Severity.WARNING;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void sequence_opensEscalatesDowngradesResolves_andIsSilentWhileUnchanged() {
        List<Transition> published = new ArrayList<>();
        AlertState state = AlertState.INITIAL;
        Severity[] observed = {NONE, WARNING, WARNING, CRITICAL, CRITICAL, WARNING, NONE, NONE};
        for (int i = 0; i < observed.length; i++) {
            AlertLifecycle.Step step = AlertLifecycle.evaluate(state, observed[i], T0.plusSeconds(60L * i), () -> "A1");
            step.transition().ifPresent(t -> published.add(t.transition()));
            state = step.state();
        }

        assertThat(published).containsExactly(Transition.OPENED, Transition.ESCALATED, Transition.DOWNGRADED,
                Transition.RESOLVED);
        assertThat(state).isEqualTo(new AlertState(NONE, null, null, T0.plusSeconds(420)));
    }

    @Test
    void criticalStraightAway_opensAtCritical() {
        AlertLifecycle.Step step = AlertLifecycle.evaluate(AlertState.INITIAL, CRITICAL, T0, () -> "A2");

        assertThat(step.transition()).get().satisfies(t -> {
            assertThat(t.transition()).isEqualTo(Transition.OPENED);
            assertThat(t.severity()).isEqualTo(CRITICAL);
            assertThat(t.routingSeverity()).isEqualTo(CRITICAL);
            assertThat(t.alertId()).isEqualTo("A2");
        });
    }

    @Test
    void resolvedAlert_isRoutedAtTheSeverityItHad_soThosePagedHearItEnded() {
        AlertState open = new AlertState(CRITICAL, "A3", T0, T0);

        AlertTransition resolved = AlertLifecycle.evaluate(open, NONE, T0.plusSeconds(60), () -> "new")
                .transition().orElseThrow();
        AlertTransition downgraded = AlertLifecycle.evaluate(open, WARNING, T0.plusSeconds(60), () -> "new")
                .transition().orElseThrow();

        assertThat(resolved.routingSeverity()).isEqualTo(CRITICAL);
        assertThat(resolved.alertId()).isEqualTo("A3");
        assertThat(downgraded.routingSeverity()).isEqualTo(CRITICAL);
        assertThat(downgraded.severity()).isEqualTo(WARNING);
    }

    @Test
    void reopenedAfterResolution_getsANewAlertId() {
        AlertState resolved = AlertLifecycle.evaluate(new AlertState(WARNING, "A4", T0, T0), NONE,
                T0.plusSeconds(60), () -> "unused").state();

        AlertTransition reopened = AlertLifecycle.evaluate(resolved, WARNING, T0.plusSeconds(120), () -> "A5")
                .transition().orElseThrow();

        assertThat(reopened.transition()).isEqualTo(Transition.OPENED);
        assertThat(reopened.alertId()).isEqualTo("A5");
    }

    @Test
    void lateOrRepeatedReading_changesNothing() {
        AlertState open = new AlertState(CRITICAL, "A6", T0, T0.plusSeconds(300));

        AlertLifecycle.Step earlier = AlertLifecycle.evaluate(open, NONE, T0.plusSeconds(200), () -> "x");
        AlertLifecycle.Step sameTime = AlertLifecycle.evaluate(open, NONE, T0.plusSeconds(300), () -> "x");

        assertThat(earlier.late()).isTrue();
        assertThat(earlier.transition()).isEmpty();
        assertThat(earlier.state()).isEqualTo(open);
        assertThat(sameTime.late()).isTrue();
    }

    @Test
    void alertIds_areShortStableAndReadable() {
        String id = AlertIds.of("t", "icu3-bed12-spo2", Metric.SPO2, T0);

        assertThat(id).hasSize(7).matches("[0-9A-HJKMNP-TV-Z]{7}");
        assertThat(AlertIds.of("t", "icu3-bed12-spo2", Metric.SPO2, T0)).isEqualTo(id);
        assertThat(AlertIds.of("t", "icu3-bed12-spo2", Metric.SPO2, T0.plusSeconds(1))).isNotEqualTo(id);
    }
}
