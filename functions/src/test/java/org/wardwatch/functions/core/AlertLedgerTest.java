package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.wardwatch.model.alert.Severity.CRITICAL;
import static org.wardwatch.model.alert.Severity.NONE;
import static org.wardwatch.model.alert.Severity.WARNING;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.AlertLedger.Refusal;
import org.wardwatch.functions.core.AlertRecord.TimelineEntry;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.escalation.EscalationPolicy;

class AlertLedgerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final EscalationPolicy POLICY = EscalationPolicy.defaults();
    private static final String ID = "alert-1";

    private static Instant minute(double m) {
        return T0.plusSeconds(Math.round(m * 60));
    }

    private static AlertTransition transition(Transition kind, Severity to, Severity from, double atMinute) {
        return new AlertTransition(kind, ID, to, from, T0, minute(atMinute));
    }

    private static AlertRecord opened(Severity severity) {
        return AlertLedger.opened(ID, "THRESHOLD", "ICU-3", "bed 12", "spo2",
                transition(Transition.OPENED, severity, NONE, 0));
    }

    private static AlertRecord apply(AlertRecord record, AlertTransition t) {
        return AlertLedger.transition(record, t).record();
    }

    private static List<String> sent(AlertLedger.Escalation escalation) {
        return escalation.due().stream().map(s -> s.kind() + " " + s.tier()).toList();
    }

    private static List<String> events(AlertRecord record) {
        return record.timeline().stream().map(e -> e.event() + " " + e.tier()).toList();
    }

    @Test
    void anOpenedRecord_startsItsClockAtTheDeviceTime_withTier1PagedAndNothingSent() {
        AlertRecord record = opened(CRITICAL);

        assertThat(record.severity()).isEqualTo(CRITICAL);
        assertThat(record.openedAt()).isEqualTo(T0);
        assertThat(record.clockFrom()).isEqualTo(T0);
        assertThat(record.stepsSent()).isZero();
        assertThat(record.highestTier()).isEqualTo(1);
        assertThat(record.open()).isTrue();
        assertThat(record.acknowledged()).isFalse();
        assertThat(record.timeline()).containsExactly(new TimelineEntry("OPENED", T0, CRITICAL, 1, null, null));
    }

    @Test
    void aCriticalRemindedThenSentToTier2ThenAcknowledged_neverReachesTier3() {
        AlertRecord record = opened(CRITICAL);

        AlertLedger.Escalation at3 = AlertLedger.escalate(record, POLICY, minute(3));
        AlertLedger.Escalation at5 = AlertLedger.escalate(at3.record(), POLICY, minute(5));
        AlertLedger.Acknowledgement ack = AlertLedger.acknowledge(at5.record(), "nurse-0017", minute(6), null);
        AlertLedger.Escalation at10 = AlertLedger.escalate(ack.record(), POLICY, minute(10));
        AlertLedger.Escalation at30 = AlertLedger.escalate(at10.record(), POLICY, minute(30));

        assertThat(sent(at3)).containsExactly("REMINDER 1");
        assertThat(sent(at5)).containsExactly("UNACKNOWLEDGED 2");
        assertThat(ack.refusal()).isEmpty();
        assertThat(at10.due()).isEmpty();
        assertThat(at30.due()).isEmpty();
        assertThat(at30.record().highestTier()).isEqualTo(2);
        assertThat(at30.record().acknowledgedBy()).isEqualTo("nurse-0017");
        assertThat(at30.record().timeline()).containsExactly(
                new TimelineEntry("OPENED", T0, CRITICAL, 1, null, null),
                new TimelineEntry("REMINDER", minute(3), CRITICAL, 1, null, null),
                new TimelineEntry("UNACKNOWLEDGED", minute(5), CRITICAL, 2, null, null),
                new TimelineEntry("ACKNOWLEDGED", minute(6), CRITICAL, 0, "nurse-0017", null));
    }

    @Test
    void aCriticalThatResolvesBeforeItsReminder_sendsNothingMore() {
        AlertRecord resolved = apply(opened(CRITICAL), transition(Transition.RESOLVED, NONE, CRITICAL, 2));

        assertThat(resolved.open()).isFalse();
        assertThat(resolved.severity()).isEqualTo(NONE);
        assertThat(resolved.resolvedAt()).isEqualTo(minute(2));
        for (int m = 2; m <= 60; m++) {
            assertThat(AlertLedger.escalate(resolved, POLICY, minute(m)).due()).as("minute %d", m).isEmpty();
        }
        assertThat(events(resolved)).containsExactly("OPENED 1", "RESOLVED 1");
    }

    @Test
    void aResolutionsReason_isTheNoteOfItsTimelineEntry() {
        AlertTransition discharged = new AlertTransition(Transition.RESOLVED, ID, NONE, WARNING, T0, minute(4),
                AlertTransition.DISCHARGED);

        AlertRecord resolved = apply(opened(WARNING), discharged);

        assertThat(resolved.timeline().get(1))
                .isEqualTo(new TimelineEntry("RESOLVED", minute(4), NONE, 1, null, "DISCHARGED"));
    }

    @Test
    void aWarning_goesToTier2After15MinutesUnacknowledged_andNotBefore() {
        AlertRecord record = opened(WARNING);

        assertThat(AlertLedger.escalate(record, POLICY, minute(14 + 59 / 60.0)).due()).isEmpty();
        AlertLedger.Escalation at15 = AlertLedger.escalate(record, POLICY, minute(15));

        assertThat(sent(at15)).containsExactly("UNACKNOWLEDGED 2");
        assertThat(at15.record().highestTier()).isEqualTo(2);
        assertThat(at15.record().stepsSent()).isEqualTo(1);
        assertThat(AlertLedger.escalate(at15.record(), POLICY, minute(60)).due()).isEmpty();
    }

    @Test
    void escalated_restartsTheClockAndTheSteps_andClearsTheAcknowledgement() {
        AlertRecord acked = AlertLedger.acknowledge(opened(WARNING), "nurse-0017", minute(2), "on my way").record();

        AlertLedger.Step step = AlertLedger.transition(acked, transition(Transition.ESCALATED, CRITICAL, WARNING, 4));
        AlertRecord escalated = step.record();

        assertThat(step.changed()).isTrue();
        assertThat(escalated.severity()).isEqualTo(CRITICAL);
        assertThat(escalated.clockFrom()).isEqualTo(minute(4));
        assertThat(escalated.acknowledged()).isFalse();
        assertThat(escalated.acknowledgedAt()).isNull();
        assertThat(escalated.acknowledgementNote()).isNull();
        assertThat(AlertLedger.escalate(escalated, POLICY, minute(6.99)).due()).isEmpty();
        assertThat(sent(AlertLedger.escalate(escalated, POLICY, minute(7)))).containsExactly("REMINDER 1");
        assertThat(events(escalated)).containsExactly("OPENED 1", "ACKNOWLEDGED 0", "ESCALATED 1");
    }

    @Test
    void escalated_afterAStepWasSent_startsTheNewSeveritysStepsFromTheFirst() {
        AlertLedger.Escalation at15 = AlertLedger.escalate(opened(WARNING), POLICY, minute(15));

        AlertRecord escalated = apply(at15.record(), transition(Transition.ESCALATED, CRITICAL, WARNING, 16));

        assertThat(escalated.stepsSent()).isZero();
        assertThat(escalated.highestTier()).isEqualTo(2);
        assertThat(sent(AlertLedger.escalate(escalated, POLICY, minute(19)))).containsExactly("REMINDER 1");
    }

    @Test
    void downgraded_keepsTheAcknowledgement_andRestartsTheClock() {
        AlertRecord acked = AlertLedger.acknowledge(opened(CRITICAL), "nurse-0017", minute(1), null).record();
        AlertRecord downgradedAcked = apply(acked, transition(Transition.DOWNGRADED, WARNING, CRITICAL, 2));

        assertThat(downgradedAcked.acknowledgedBy()).isEqualTo("nurse-0017");
        assertThat(downgradedAcked.clockFrom()).isEqualTo(minute(2));
        assertThat(AlertLedger.escalate(downgradedAcked, POLICY, minute(60)).due()).isEmpty();

        AlertRecord reminded = AlertLedger.escalate(opened(CRITICAL), POLICY, minute(3)).record();
        AlertRecord downgraded = apply(reminded, transition(Transition.DOWNGRADED, WARNING, CRITICAL, 4));

        assertThat(downgraded.severity()).isEqualTo(WARNING);
        assertThat(downgraded.stepsSent()).isZero();
        assertThat(AlertLedger.escalate(downgraded, POLICY, minute(15)).due()).isEmpty();
        assertThat(AlertLedger.escalate(downgraded, POLICY, minute(18.99)).due()).isEmpty();
        assertThat(sent(AlertLedger.escalate(downgraded, POLICY, minute(19)))).containsExactly("UNACKNOWLEDGED 2");
    }

    @Test
    void aRepeatedTransition_changesNothing() {
        AlertRecord record = opened(WARNING);
        AlertTransition escalated = transition(Transition.ESCALATED, CRITICAL, WARNING, 1);
        AlertRecord once = apply(record, escalated);

        AlertLedger.Step openedAgain = AlertLedger.transition(once, transition(Transition.OPENED, WARNING, NONE, 0));
        AlertLedger.Step escalatedAgain = AlertLedger.transition(once, escalated);
        AlertRecord resolved = apply(once, transition(Transition.RESOLVED, NONE, CRITICAL, 2));
        AlertLedger.Step resolvedAgain = AlertLedger.transition(resolved,
                transition(Transition.RESOLVED, NONE, CRITICAL, 2));

        assertThat(openedAgain.changed()).isFalse();
        assertThat(openedAgain.record()).isSameAs(once);
        assertThat(escalatedAgain.changed()).isFalse();
        assertThat(escalatedAgain.record()).isSameAs(once);
        assertThat(resolvedAgain.changed()).isFalse();
        assertThat(resolvedAgain.record()).isSameAs(resolved);
        assertThat(events(resolved)).containsExactly("OPENED 1", "ESCALATED 1", "RESOLVED 1");
    }

    @Test
    void aSecondEscalationCheckAtTheSameInstant_sendsNothing() {
        AlertLedger.Escalation first = AlertLedger.escalate(opened(CRITICAL), POLICY, minute(5));
        AlertLedger.Escalation second = AlertLedger.escalate(first.record(), POLICY, minute(5));

        assertThat(sent(first)).containsExactly("REMINDER 1", "UNACKNOWLEDGED 2");
        assertThat(second.due()).isEmpty();
        assertThat(second.record()).isSameAs(first.record());
    }

    @Test
    void checksEveryMinuteFrom0To20_eachRunTwice_sendEachStepExactlyOnce() {
        AlertRecord record = opened(CRITICAL);
        List<String> sent = new ArrayList<>();
        for (int m = 0; m <= 20; m++) {
            for (int run = 0; run < 2; run++) {
                AlertLedger.Escalation check = AlertLedger.escalate(record, POLICY, minute(m));
                int at = m;
                sent.addAll(sent(check).stream().map(s -> at + ": " + s).toList());
                record = check.record();
            }
        }

        assertThat(sent).containsExactly("3: REMINDER 1", "5: UNACKNOWLEDGED 2", "10: UNACKNOWLEDGED 3");
        assertThat(record.stepsSent()).isEqualTo(3);
        assertThat(record.highestTier()).isEqualTo(3);
        assertThat(events(record)).containsExactly("OPENED 1", "REMINDER 1", "UNACKNOWLEDGED 2", "UNACKNOWLEDGED 3");
    }

    @Test
    void aLateCheck_sendsEveryMissedStepAtOnce_recordedAtTheCheck() {
        AlertLedger.Escalation late = AlertLedger.escalate(opened(CRITICAL), POLICY, minute(12));

        assertThat(sent(late)).containsExactly("REMINDER 1", "UNACKNOWLEDGED 2", "UNACKNOWLEDGED 3");
        assertThat(late.record().timeline()).extracting(TimelineEntry::at)
                .containsExactly(T0, minute(12), minute(12), minute(12));
    }

    @Test
    void aLateTransition_isInTheTimelineInTimeOrder_butMovesNeitherTheClockNorTheSeverity() {
        AlertRecord escalated = apply(opened(WARNING), transition(Transition.ESCALATED, CRITICAL, WARNING, 5));

        AlertLedger.Step late = AlertLedger.transition(escalated,
                transition(Transition.DOWNGRADED, WARNING, CRITICAL, 3));

        assertThat(late.changed()).isTrue();
        assertThat(late.record().severity()).isEqualTo(CRITICAL);
        assertThat(late.record().clockFrom()).isEqualTo(minute(5));
        assertThat(late.record().timeline()).extracting(TimelineEntry::event, TimelineEntry::at)
                .containsExactly(tuple("OPENED", T0),
                        tuple("DOWNGRADED", minute(3)),
                        tuple("ESCALATED", minute(5)));
    }

    @Test
    void aTransitionAfterTheResolution_isRecorded_butTheAlertStaysClosed() {
        AlertRecord resolved = apply(opened(WARNING), transition(Transition.RESOLVED, NONE, WARNING, 2));

        AlertRecord after = apply(resolved, transition(Transition.ESCALATED, CRITICAL, WARNING, 3));

        assertThat(after.open()).isFalse();
        assertThat(after.severity()).isEqualTo(NONE);
        assertThat(AlertLedger.escalate(after, POLICY, minute(30)).due()).isEmpty();
        assertThat(events(after)).containsExactly("OPENED 1", "RESOLVED 1", "ESCALATED 1");
    }

    @Test
    void acknowledgingAClosedAlert_isRefusedAndChangesNothing() {
        AlertRecord resolved = apply(opened(CRITICAL), transition(Transition.RESOLVED, NONE, CRITICAL, 2));

        AlertLedger.Acknowledgement ack = AlertLedger.acknowledge(resolved, "nurse-0017", minute(3), null);

        assertThat(ack.refusal()).contains(Refusal.ALERT_CLOSED);
        assertThat(ack.record()).isSameAs(resolved);
    }

    @Test
    void acknowledgingTwice_isRefused_andTheFirstAcknowledgementStays() {
        AlertRecord first = AlertLedger.acknowledge(opened(CRITICAL), "nurse-0017", minute(1), null).record();

        AlertLedger.Acknowledgement second = AlertLedger.acknowledge(first, "nurse-0042", minute(2), "me too");

        assertThat(second.refusal()).contains(Refusal.ALREADY_ACKNOWLEDGED);
        assertThat(second.record()).isSameAs(first);
        assertThat(first.acknowledgedBy()).isEqualTo("nurse-0017");
        assertThat(first.acknowledgedAt()).isEqualTo(minute(1));
    }

    @Test
    void anAcknowledgementNote_isTrimmed_blankIsNone_andAtMost500Characters() {
        AlertRecord record = opened(CRITICAL);

        assertThat(AlertLedger.acknowledge(record, "nurse-0017", minute(1), "  oxygen up to 4 l/min \n").record()
                .acknowledgementNote()).isEqualTo("oxygen up to 4 l/min");
        assertThat(AlertLedger.acknowledge(record, "nurse-0017", minute(1), " \t ").record()
                .acknowledgementNote()).isNull();
        assertThat(AlertLedger.acknowledge(record, "nurse-0017", minute(1), " " + "a".repeat(500) + " ").record()
                .acknowledgementNote()).hasSize(500);
        assertThatThrownBy(() -> AlertLedger.acknowledge(record, "nurse-0017", minute(1), "a".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an acknowledgement note has at most 500 characters, this one has 501");
    }

    @Test
    void anAcknowledgementByNobody_isRefusedWithOneLine() {
        assertThatThrownBy(() -> AlertLedger.acknowledge(opened(CRITICAL), " ", minute(1), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an acknowledgement names who acknowledged");
    }

    @Test
    void aRecordStartsOnlyWithOpened_andTakesOnlyItsOwnAlertsTransitions() {
        assertThatThrownBy(() -> AlertLedger.opened(ID, "THRESHOLD", "ICU-3", "bed 12", "spo2",
                transition(Transition.ESCALATED, CRITICAL, WARNING, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an alert's record starts with OPENED, not ESCALATED");
        AlertTransition other = new AlertTransition(Transition.RESOLVED, "alert-2", NONE, WARNING, T0, minute(1));
        assertThatThrownBy(() -> AlertLedger.transition(opened(WARNING), other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transition of alert alert-2 given to the record of alert alert-1");
        assertThatThrownBy(() -> AlertLedger.transition(opened(WARNING),
                transition(Transition.OPENED, WARNING, NONE, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert alert-1 opened already at 2026-11-20T10:00:00Z");
    }
}
