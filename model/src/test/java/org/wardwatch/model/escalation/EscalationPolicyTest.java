package org.wardwatch.model.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.model.escalation.EscalationStep.Kind.REMINDER;
import static org.wardwatch.model.escalation.EscalationStep.Kind.UNACKNOWLEDGED;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.alert.Severity;

class EscalationPolicyTest {

    private static final Instant CLOCK = Instant.parse("2026-11-20T10:00:00Z");
    private static final EscalationPolicy DEFAULTS = EscalationPolicy.defaults();
    private static final EscalationStep REMIND_TIER_1 = new EscalationStep(Duration.ofMinutes(3), 1, REMINDER);
    private static final EscalationStep TIER_2 = new EscalationStep(Duration.ofMinutes(5), 2, UNACKNOWLEDGED);
    private static final EscalationStep TIER_3 = new EscalationStep(Duration.ofMinutes(10), 3, UNACKNOWLEDGED);
    private static final EscalationStep WARNING_TIER_2 = new EscalationStep(Duration.ofMinutes(15), 2,
            UNACKNOWLEDGED);

    private static Instant at(String minutesAndSeconds) {
        String[] parts = minutesAndSeconds.split(":");
        return CLOCK.plusSeconds(Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1]));
    }

    /** Which step a check at {@code time} sends, given the steps before it were sent: the boundary of each. */
    @ParameterizedTest(name = "{0} at {1} with {2} sent: {3} step(s), the last to tier {4}")
    @CsvSource({
            "CRITICAL, 2:59, 0, 0, 0",
            "CRITICAL, 3:00, 0, 1, 1",
            "CRITICAL, 4:59, 1, 0, 0",
            "CRITICAL, 5:00, 1, 1, 2",
            "CRITICAL, 9:59, 2, 0, 0",
            "CRITICAL, 10:00, 2, 1, 3",
            "WARNING, 14:59, 0, 0, 0",
            "WARNING, 15:00, 0, 1, 2"})
    void eachDefaultStep_isDueAtExactlyItsDelay_andNotASecondBefore(Severity severity, String time, int sent,
                                                                    int dueCount, int tier) {
        List<EscalationStep> due = DEFAULTS.due(severity, CLOCK, sent, at(time));

        assertThat(due).hasSize(dueCount);
        if (dueCount > 0) {
            assertThat(due.get(due.size() - 1).tier()).isEqualTo(tier);
        }
    }

    @Test
    void theDefaults_remindTier1At3_pageTier2At5AndTier3At10ForACritical_andTier2At15ForAWarning() {
        assertThat(DEFAULTS.steps(Severity.CRITICAL)).containsExactly(REMIND_TIER_1, TIER_2, TIER_3);
        assertThat(DEFAULTS.steps(Severity.WARNING)).containsExactly(WARNING_TIER_2);
        assertThat(DEFAULTS.due(Severity.CRITICAL, CLOCK, 0, at("3:00"))).containsExactly(REMIND_TIER_1);
        assertThat(DEFAULTS.due(Severity.CRITICAL, CLOCK, 1, at("5:00"))).containsExactly(TIER_2);
        assertThat(DEFAULTS.due(Severity.CRITICAL, CLOCK, 2, at("10:00"))).containsExactly(TIER_3);
        assertThat(DEFAULTS.due(Severity.WARNING, CLOCK, 0, at("15:00"))).containsExactly(WARNING_TIER_2);
    }

    @Test
    void aLateRun_returnsEveryStepItMissed_oldestFirst() {
        assertThat(DEFAULTS.due(Severity.CRITICAL, CLOCK, 0, at("5:00"))).containsExactly(REMIND_TIER_1, TIER_2);
        assertThat(DEFAULTS.due(Severity.CRITICAL, CLOCK, 0, at("45:00")))
                .containsExactly(REMIND_TIER_1, TIER_2, TIER_3);
    }

    @Test
    void stepsAlreadySent_areSkipped_andNothingIsDueOnceAllWereSent() {
        assertThat(DEFAULTS.due(Severity.CRITICAL, CLOCK, 1, at("10:00"))).containsExactly(TIER_2, TIER_3);
        assertThat(DEFAULTS.due(Severity.CRITICAL, CLOCK, 2, at("10:00"))).containsExactly(TIER_3);
        assertThat(DEFAULTS.due(Severity.CRITICAL, CLOCK, 3, at("10:00"))).isEmpty();
        assertThat(DEFAULTS.due(Severity.CRITICAL, CLOCK, 7, at("10:00"))).isEmpty();
        assertThat(DEFAULTS.due(Severity.WARNING, CLOCK, 1, at("60:00"))).isEmpty();
    }

    @Test
    void nothingIsEverDueForNone() {
        assertThat(DEFAULTS.steps(Severity.NONE)).isEmpty();
        assertThat(DEFAULTS.due(Severity.NONE, CLOCK, 0, at("60:00"))).isEmpty();
    }

    @Test
    void nothingIsDue_whenNowIsBeforeTheClockStarted() {
        assertThat(DEFAULTS.due(Severity.CRITICAL, CLOCK, 0, CLOCK.minusSeconds(1))).isEmpty();
        assertThat(DEFAULTS.due(Severity.CRITICAL, CLOCK, 0, CLOCK.minus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void aStepWithNoDelay_isDueTheMomentTheClockStarts() {
        EscalationPolicy atOnce = new EscalationPolicy(
                List.of(new EscalationStep(Duration.ZERO, 2, UNACKNOWLEDGED)), List.of());

        assertThat(atOnce.due(Severity.CRITICAL, CLOCK, 0, CLOCK)).hasSize(1);
    }

    @Test
    void stepsWithTheSameDelay_areAllowed_andDueTogether() {
        EscalationPolicy together = new EscalationPolicy(List.of(TIER_2,
                new EscalationStep(Duration.ofMinutes(5), 3, UNACKNOWLEDGED)), List.of());

        assertThat(together.due(Severity.CRITICAL, CLOCK, 0, at("5:00"))).hasSize(2);
    }

    @Test
    void stepsOutOfDelayOrder_areRefusedWithOneLine() {
        assertThatThrownBy(() -> new EscalationPolicy(List.of(TIER_3, TIER_2), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the CRITICAL escalation steps must be in order of their delays: step 2 (5 min) comes "
                        + "before step 1 (10 min)");
        assertThatThrownBy(() -> new EscalationPolicy(List.of(),
                List.of(WARNING_TIER_2, new EscalationStep(Duration.ofSeconds(90), 3, UNACKNOWLEDGED))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the WARNING escalation steps")
                .hasMessageContaining("(90 s)");
    }

    @Test
    void aNegativeCountOfStepsSent_isRefused() {
        assertThatThrownBy(() -> DEFAULTS.due(Severity.CRITICAL, CLOCK, -1, at("5:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("steps sent cannot be negative: -1");
    }
}
