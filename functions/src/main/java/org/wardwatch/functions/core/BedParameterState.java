package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.List;
import org.wardwatch.model.alert.Severity;

/**
 * The alert of one bed and parameter (e.g. ICU-3 bed 12, heart rate), fed by every device placed at the bed
 * that measures it (functions/README.md, "Alerts at the bed").
 *
 * @param severity             the open alert's severity, {@link Severity#NONE} while none is open
 * @param alertId              the open alert's id, null while none is open
 * @param openedAt             device time the open alert opened, null while none is open
 * @param atLeastWarningSince  device time of the first of the counted readings, up to the latest, all WARNING or
 *                             worse; null when the latest counted reading was milder
 * @param atLeastCriticalSince likewise for CRITICAL
 * @param atMostWarningSince   device time of the first of the counted readings, up to the latest, all WARNING or
 *                             milder; null when the latest counted reading was CRITICAL
 * @param normalSince          likewise for readings in no band
 * @param lastCounted          device time of the latest counted reading; null before the first
 * @param sources              each source's latest valid value, at most one entry per device
 */
public record BedParameterState(Severity severity, String alertId, Instant openedAt,
                                Instant atLeastWarningSince, Instant atLeastCriticalSince,
                                Instant atMostWarningSince, Instant normalSince, Instant lastCounted,
                                List<SourceValue> sources) {

    public static final BedParameterState INITIAL = new BedParameterState(Severity.NONE, null, null, null, null,
            null, null, null, List.of());

    public BedParameterState {
        sources = List.copyOf(sources);
    }
}
