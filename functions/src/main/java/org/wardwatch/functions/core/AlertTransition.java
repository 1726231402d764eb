package org.wardwatch.functions.core;

import org.wardwatch.model.alert.Severity;
import java.time.Instant;

/**
 * One transition of an alert.
 *
 * @param severity the severity after the transition ({@link Severity#NONE} once resolved)
 * @param previousSeverity the severity before it
 * @param reason {@link #DEVICE_REASSIGNED} or {@link #DISCHARGED} on a RESOLVED that was not a clinical recovery;
 *               else null
 */
public record AlertTransition(Transition transition, String alertId, Severity severity, Severity previousSeverity,
                              Instant openedAt, Instant deviceTime, String reason) {

    /** Why a RESOLVED was not a clinical recovery. */
    public static final String DEVICE_REASSIGNED = "DEVICE_REASSIGNED";
    public static final String DISCHARGED = "DISCHARGED";

    /** A transition decided by a reading (no reason). */
    public AlertTransition(Transition transition, String alertId, Severity severity, Severity previousSeverity,
                           Instant openedAt, Instant deviceTime) {
        this(transition, alertId, severity, previousSeverity, openedAt, deviceTime, null);
    }

    /**
     * The severity staff subscriptions filter on: the new one when an alert opens or escalates, the one it had
     * when it downgrades or resolves, so whoever was paged for a CRITICAL also hears that it ended.
     */
    public Severity routingSeverity() {
        return switch (transition) {
            case OPENED, ESCALATED -> severity;
            case DOWNGRADED, RESOLVED -> previousSeverity;
        };
    }
}
