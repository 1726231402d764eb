package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.List;

/**
 * A notification about an alert that is not one of its transitions (issue 15; functions/README.md,
 * "Acknowledgement and escalation"): a reminder, an escalation to a higher tier because nobody acknowledged it,
 * or the news that someone did. Rendered from the alert's record alone: ward and place, never a patient's name.
 *
 * @param record the alert's record after the event (its timeline has the event)
 * @param tiers  the tiers it is sent to: {@code [1]} for a reminder, {@code [n]} for an escalation to tier n, every
 *               tier paged so far ({@code 1..highestTier}) for an acknowledgement
 * @param at     when it happened: the escalation check's instant, or the acknowledgement's
 * @param by     who acknowledged (ACKNOWLEDGED only), else null
 * @param note   the acknowledgement's note (ACKNOWLEDGED only, may be null)
 */
public record EscalationNotification(String tenantId, Event event, AlertRecord record, List<Integer> tiers,
                                     Instant at, String by, String note) {

    public EscalationNotification {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a notification goes to at least one tier");
        }
        if ((event == Event.ACKNOWLEDGED) != (by != null)) {
            throw new IllegalArgumentException("an acknowledgement, and only it, names who acknowledged");
        }
    }

    /** The {@code transition} its document and message attribute carry. */
    public enum Event {
        REMINDER, UNACKNOWLEDGED, ACKNOWLEDGED
    }
}
