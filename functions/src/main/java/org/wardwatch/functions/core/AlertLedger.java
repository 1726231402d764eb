package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 */
public final class AlertLedger {

    private AlertLedger() {
    }

    /** Why an acknowledgement changed nothing. */
    public enum Refusal {
        ALREADY_ACKNOWLEDGED, ALERT_CLOSED
    }

    /** The record after a step, and whether the step changed it (false: nothing to write). */
    public record Step(AlertRecord record, boolean changed) {
    }

    /** The record's first state, from the OPENED transition of {@code notification}'s alert. */
    public static AlertRecord opened(String alertId, String type, String ward, String place, String subject,
                                     AlertTransition opened) {
        throw new UnsupportedOperationException("contract: implemented in issue 15");
    }

    /** Records a later transition of the alert (a repeat of one recorded changes nothing). */
    public static Step transition(AlertRecord current, AlertTransition transition) {
        throw new UnsupportedOperationException("contract: implemented in issue 15");
    }

    /** @return the acknowledged record, or the refusal */
    public static Acknowledgement acknowledge(AlertRecord current, String by, Instant at, String note) {
        throw new UnsupportedOperationException("contract: implemented in issue 15");
    }

    /** An acknowledgement's outcome: the record (unchanged when refused) and the refusal, if any. */
    public record Acknowledgement(AlertRecord record, Optional<Refusal> refusal) {
    }

    /** The steps due at {@code now} and the record with them sent (unchanged when none is due). */
    public static Escalation escalate(AlertRecord current, EscalationPolicy policy, Instant now) {
        throw new UnsupportedOperationException("contract: implemented in issue 15");
    }

    /** What an escalation check decided. */
    public record Escalation(AlertRecord record, List<EscalationStep> due) {
    }
}
