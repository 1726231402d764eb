package org.wardwatch.functions.service;

import java.util.Optional;
import org.wardwatch.functions.core.AlertState;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.functions.core.Excursion;
import org.wardwatch.functions.core.Reading;

/**
 * A state evaluated from the stored version {@code expected()}, to be written only if that version is still the
 * stored one, together with the alert it raises (into the outbox) and, for a fridge, its excursion log entry.
 */
public sealed interface StateAdvance {

    LatestState expected();

    /** The alert to send, written to the outbox with the state. */
    Optional<OutgoingAlert> alert();

    /** A reading becomes its metric's latest, with the metric's alert and any cold-chain episode. */
    record OfMetric(Reading reading, LatestState expected, LatestState next, Optional<OutgoingAlert> alert,
                    Optional<Excursion> excursion) implements StateAdvance {
    }

    /** A device condition (battery) moves to {@code next}. */
    record OfCondition(DeviceCondition condition, LatestState expected, AlertState next,
                       Optional<OutgoingAlert> alert) implements StateAdvance {
    }
}
