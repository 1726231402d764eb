package org.wardwatch.model.escalation;

import java.time.Duration;

/**
 * One step of an escalation policy: an alert still unacknowledged {@code after} its clock started (it opened, or
 * its severity last changed) is sent to {@code tier}'s contacts.
 *
 * @param kind {@link Kind#REMINDER} to the tier that was paged already (tier 1), {@link Kind#UNACKNOWLEDGED} to
 *             a tier above it
 */
public record EscalationStep(Duration after, int tier, Kind kind) {

    public EscalationStep {
        if (after.isNegative()) {
            throw new IllegalArgumentException("a step cannot come before its alert");
        }
        if (tier < Tiers.FIRST || tier > Tiers.LAST) {
            throw new IllegalArgumentException("tier must be " + Tiers.FIRST + " to " + Tiers.LAST);
        }
    }

    /** What staff are told: the transition name the notification carries. */
    public enum Kind {
        REMINDER, UNACKNOWLEDGED
    }
}
