package org.wardwatch.functions.core;

import java.time.Instant;
import org.wardwatch.model.alert.Severity;

/**
 * The NEWS2 alert of one bed (functions/README.md, "NEWS2"), as stored with the bed.
 *
 * @param severity           the open alert's severity, {@link Severity#NONE} while none is open
 * @param alertId            the open alert's id, null while none is open
 * @param openedAt           device time the open alert opened, null while none is open
 * @param atMostWarningSince time of the first of the evaluations, up to the latest, whose band was WARNING or
 *                           milder; null when the latest was CRITICAL
 * @param normalSince        likewise for evaluations in no alerting band
 * @param evaluatedAt        time of the latest evaluation; null before the first
 * @param total              the latest evaluation's total score; null before the first
 */
public record News2State(Severity severity, String alertId, Instant openedAt, Instant atMostWarningSince,
                         Instant normalSince, Instant evaluatedAt, Integer total) {

    public static final News2State INITIAL = new News2State(Severity.NONE, null, null, null, null, null, null);
}
