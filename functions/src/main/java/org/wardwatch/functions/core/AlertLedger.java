package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wardwatch.functions.core.AlertRecord.TimelineEntry;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.escalation.EscalationPolicy;
import org.wardwatch.model.escalation.EscalationStep;

/**
 * The rules of an alert's record (issue 15; functions/README.md, "Acknowledgement and escalation"). Pure: the caller
 * stores the record and sends what a step returns.
 *
 * <ul>
 *   <li>A transition (OPENED, ESCALATED, DOWNGRADED, RESOLVED) is recorded once: the same transition again (a
 *       retry, a redelivery) changes nothing. OPENED starts the record and its clock; ESCALATED and DOWNGRADED
 *       restart the clock and the steps; ESCALATED also clears an acknowledgement (a worse state needs a new
 *       response), DOWNGRADED keeps it; RESOLVED closes the record.</li>
 *   <li>Acknowledging an open alert not yet acknowledged records who, when and the note; twice, or a closed
 *       alert, is refused and changes nothing.</li>
 *   <li>The escalation check at {@code now} returns the steps due of an open, unacknowledged alert
 *       ({@link EscalationPolicy#due}) and the record with them counted as sent.</li>
 * </ul>
 *
 * <p>Details: a transition is "the same" when one of its kind at the same device time is in the timeline. A
 * transition whose device time is before the record's clock (a late delivery), or that arrives once the record is
 * closed, goes into the timeline (in time order) and changes nothing else: newer transitions decided the
 * severity, the clock and the end. The timeline is kept oldest first; entries of the same instant in the order
 * they were recorded. An escalation step's entry is at the check's {@code now}, when it was sent.
 */
public final class AlertLedger {

    /** The longest acknowledgement note kept, in characters (after trimming). */
    public static final int MAX_NOTE_LENGTH = 500;

    private AlertLedger() {
    }

    /** Why an acknowledgement changed nothing. */
    public enum Refusal {
        ALREADY_ACKNOWLEDGED, ALERT_CLOSED
    }

    /** The record after a step, and whether the step changed it (false: nothing to write). */
    public record Step(AlertRecord record, boolean changed) {
    }

    /**
     * The record's first state, from the OPENED transition of {@code notification}'s alert: its clock starts at the
     * transition's device time, nothing sent yet, tier 1 paged, the timeline [OPENED at that time, tier 1].
     *
     * @throws IllegalArgumentException when {@code opened} is not an OPENED transition
     */
    public static AlertRecord opened(String alertId, String type, String ward, String place, String subject,
                                     AlertTransition opened) {
        if (opened.transition() != Transition.OPENED) {
            throw new IllegalArgumentException("an alert's record starts with OPENED, not " + opened.transition());
        }
        Instant at = opened.deviceTime();
        return new AlertRecord(alertId, type, ward, place, subject, opened.severity(), at, at, 0, 1,
                null, null, null, null, List.of(entry(opened)));
    }

    /** Records a later transition of the alert (a repeat of one recorded changes nothing). */
    public static Step transition(AlertRecord current, AlertTransition transition) {
        if (!current.alertId().equals(transition.alertId())) {
            throw new IllegalArgumentException("transition of alert " + transition.alertId()
                    + " given to the record of alert " + current.alertId());
        }
        if (recorded(current, transition)) {
            return new Step(current, false);
        }
        if (transition.transition() == Transition.OPENED) {
            throw new IllegalArgumentException("alert " + current.alertId() + " opened already at "
                    + current.openedAt());
        }
        List<TimelineEntry> timeline = inTimeOrder(current.timeline(), entry(transition));
        Instant at = transition.deviceTime();
        if (!current.open() || at.isBefore(current.clockFrom())) {
            return new Step(with(current, timeline), true);
        }
        AlertRecord next = switch (transition.transition()) {
            case ESCALATED -> new AlertRecord(current.alertId(), current.type(), current.ward(), current.place(),
                    current.subject(), transition.severity(), current.openedAt(), at, 0, current.highestTier(),
                    null, null, null, null, timeline);
            case DOWNGRADED -> new AlertRecord(current.alertId(), current.type(), current.ward(), current.place(),
                    current.subject(), transition.severity(), current.openedAt(), at, 0, current.highestTier(),
                    current.acknowledgedBy(), current.acknowledgedAt(), current.acknowledgementNote(), null,
                    timeline);
            case RESOLVED -> new AlertRecord(current.alertId(), current.type(), current.ward(), current.place(),
                    current.subject(), Severity.NONE, current.openedAt(), current.clockFrom(), current.stepsSent(),
                    current.highestTier(), current.acknowledgedBy(), current.acknowledgedAt(),
                    current.acknowledgementNote(), at, timeline);
            case OPENED -> throw new IllegalStateException("OPENED was refused above");
        };
        return new Step(next, true);
    }

    /**
     * Records {@code by}'s acknowledgement at {@code at} with its note (trimmed; blank is none).
     *
     * @return the acknowledged record, or the refusal
     * @throws IllegalArgumentException when nobody is named, or the note is longer than {@link #MAX_NOTE_LENGTH}
     */
    public static Acknowledgement acknowledge(AlertRecord current, String by, Instant at, String note) {
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("an acknowledgement names who acknowledged");
        }
        String kept = note == null || note.isBlank() ? null : note.strip();
        if (kept != null && kept.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("an acknowledgement note has at most " + MAX_NOTE_LENGTH
                    + " characters, this one has " + kept.length());
        }
        if (!current.open()) {
            return new Acknowledgement(current, Optional.of(Refusal.ALERT_CLOSED));
        }
        if (current.acknowledged()) {
            return new Acknowledgement(current, Optional.of(Refusal.ALREADY_ACKNOWLEDGED));
        }
        String who = by.strip();
        List<TimelineEntry> timeline = inTimeOrder(current.timeline(),
                new TimelineEntry("ACKNOWLEDGED", at, current.severity(), 0, who, kept));
        return new Acknowledgement(new AlertRecord(current.alertId(), current.type(), current.ward(),
                current.place(), current.subject(), current.severity(), current.openedAt(), current.clockFrom(),
                current.stepsSent(), current.highestTier(), who, at, kept, null, timeline), Optional.empty());
    }

    /** An acknowledgement's outcome: the record (unchanged when refused) and the refusal, if any. */
    public record Acknowledgement(AlertRecord record, Optional<Refusal> refusal) {
    }

    /**
     * The steps due at {@code now} and the record with them sent (unchanged when none is due): nothing for a closed
     * or acknowledged alert; else {@link EscalationPolicy#due} from the record's clock and steps sent.
     */
    public static Escalation escalate(AlertRecord current, EscalationPolicy policy, Instant now) {
        if (!current.open() || current.acknowledged()) {
            return new Escalation(current, List.of());
        }
        List<EscalationStep> due = policy.due(current.severity(), current.clockFrom(), current.stepsSent(), now);
        if (due.isEmpty()) {
            return new Escalation(current, due);
        }
        List<TimelineEntry> timeline = current.timeline();
        int highest = current.highestTier();
        for (EscalationStep step : due) {
            timeline = inTimeOrder(timeline,
                    new TimelineEntry(step.kind().name(), now, current.severity(), step.tier(), null, null));
            highest = Math.max(highest, step.tier());
        }
        return new Escalation(new AlertRecord(current.alertId(), current.type(), current.ward(), current.place(),
                current.subject(), current.severity(), current.openedAt(), current.clockFrom(),
                current.stepsSent() + due.size(), highest, null, null, null, null, timeline), due);
    }

    /** What an escalation check decided. */
    public record Escalation(AlertRecord record, List<EscalationStep> due) {
    }

    private static boolean recorded(AlertRecord current, AlertTransition transition) {
        String event = transition.transition().name();
        return current.timeline().stream()
                .anyMatch(e -> e.event().equals(event) && e.at().equals(transition.deviceTime()));
    }

    private static TimelineEntry entry(AlertTransition transition) {
        return new TimelineEntry(transition.transition().name(), transition.deviceTime(), transition.severity(), 1,
                null, transition.reason());
    }

    /** {@code timeline} with {@code entry} after every entry no later than it. */
    private static List<TimelineEntry> inTimeOrder(List<TimelineEntry> timeline, TimelineEntry entry) {
        int i = timeline.size();
        while (i > 0 && timeline.get(i - 1).at().isAfter(entry.at())) {
            i--;
        }
        List<TimelineEntry> next = new ArrayList<>(timeline);
        next.add(i, entry);
        return next;
    }

    private static AlertRecord with(AlertRecord current, List<TimelineEntry> timeline) {
        return new AlertRecord(current.alertId(), current.type(), current.ward(), current.place(), current.subject(),
                current.severity(), current.openedAt(), current.clockFrom(), current.stepsSent(),
                current.highestTier(), current.acknowledgedBy(), current.acknowledgedAt(),
                current.acknowledgementNote(), current.resolvedAt(), timeline);
    }
}
