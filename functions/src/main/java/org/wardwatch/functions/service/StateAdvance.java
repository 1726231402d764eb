package org.wardwatch.functions.service;

import java.util.Optional;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AlertState;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.functions.core.Episode;
import org.wardwatch.functions.core.Excursion;
import org.wardwatch.functions.core.Reading;

/**
 * A state evaluated from the stored version {@code expected()}, to be written only if that version is still the
 * stored one, together with the alert it raises (into the outbox) and, for a fridge, its excursion log entry.
 */
public sealed interface StateAdvance {

    /** The alert to send, written to the outbox with the state. */
    Optional<OutgoingAlert> alert();

    /** A reading becomes its metric's latest, with the metric's alert and any cold-chain episode. */
    record OfMetric(Reading reading, LatestState expected, LatestState next, Optional<OutgoingAlert> alert,
                    Optional<Excursion> excursion) implements StateAdvance {
    }

    /**
     * A bed parameter moves to {@code next} (conditioned on {@code expected}'s version); the reading that moved it
     * is kept as its device's latest separately ({@link TelemetryStore#storeMessage}); null when a device left the bed.
 * {@code admission} is the bed's as read with the state (a re-evaluation after a lost race uses it again).
     */
    record OfBed(Reading reading, BedParameter expected, BedParameter next, Optional<OutgoingAlert> alert,
                 Optional<Admission> admission) implements StateAdvance {
    }

    /**
     * A device condition (battery, no signal) moves to {@code next}; {@code period} is the no-signal period in
     * progress (null for none, and for battery).
     */
    record OfCondition(DeviceCondition condition, LatestState expected, AlertState next,
                       Optional<OutgoingAlert> alert, Episode period) implements StateAdvance {

        public OfCondition(DeviceCondition condition, LatestState expected, AlertState next,
                           Optional<OutgoingAlert> alert) {
            this(condition, expected, next, alert, null);
        }
    }
}
