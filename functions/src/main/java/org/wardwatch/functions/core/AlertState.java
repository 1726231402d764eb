package org.wardwatch.functions.core;

import org.wardwatch.model.alert.Severity;
import java.time.Instant;

/**
 * The alert of one device and metric, as of the latest reading evaluated.
 *
 * @param alertId the open alert's id, null while none is open
 * @param openedAt device time of the reading that opened it, null while none is open
 * @param lastEvaluated device time of the latest reading evaluated; null before the first
 */
public record AlertState(Severity severity, String alertId, Instant openedAt, Instant lastEvaluated) {

    public static final AlertState INITIAL = new AlertState(Severity.NONE, null, null, null);
}
