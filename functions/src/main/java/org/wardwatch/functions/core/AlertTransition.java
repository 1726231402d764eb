package org.wardwatch.functions.core;

import org.wardwatch.model.alert.Severity;
import java.time.Instant;

/**
 * One transition of an alert.
 *
 * @param severity the severity after the transition ({@link Severity#NONE} once resolved)
 * @param previousSeverity the severity before it
 */
public record AlertTransition(Transition transition, String alertId, Severity severity, Severity previousSeverity,
                              Instant openedAt, Instant deviceTime) {

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
