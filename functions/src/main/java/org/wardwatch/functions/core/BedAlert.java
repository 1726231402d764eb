package org.wardwatch.functions.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.wardwatch.model.alert.AlarmDelay;
import org.wardwatch.model.alert.Severity;

/**
 * The alert state machine of one bed and parameter, in device time: source ranking, alarm delay and hysteresis
 * (functions/README.md, "Alerts at the bed"). Pure: the caller classifies the reading and stores the state.
 */
public final class BedAlert {

    /** A source counts while its latest value is no older than this before the reading being evaluated. */
    public static final Duration SOURCE_FRESH = Duration.ofMinutes(5);

    private BedAlert() {
    }

    /**
     * @param state      the state after the step
     * @param transition the transition to publish, if any
     * @param late       the reading was no newer than its source's latest: it changed nothing, not even the state
     * @param counted    the reading was the value that counts for the bed (the highest-ranked fresh source); a
     *                   reading from a lower-ranked source is kept as its source's latest and changes no alert
     */
    public record Step(BedParameterState state, Optional<AlertTransition> transition, boolean late,
                       boolean counted) {
    }

    /**
     * Evaluates one valid reading of the parameter from {@code reading.thingName()} at the bed.
     *
     * @param observed   the severity of {@code reading.value()} in the patient's bands
     * @param delay      the parameter's alarm delay
     * @param newAlertId the id of an alert this reading opens
     */
    public static Step evaluate(BedParameterState current, SourceValue reading, Severity observed, AlarmDelay delay,
                                Supplier<String> newAlertId) {
        throw new UnsupportedOperationException("issue 13: to be written");
    }

    /**
     * The device stopped feeding this bed (moved to another bed, or unassigned) at {@code at}: its source entry is
     * removed; an open alert that no other source fed within {@link #SOURCE_FRESH} before {@code at} is RESOLVED
     * with reason {@link AlertTransition#DEVICE_REASSIGNED}.
     */
    public static Step detach(BedParameterState current, String thingName, Instant at) {
        throw new UnsupportedOperationException("issue 13: to be written");
    }

    /**
     * The patient was discharged at {@code at}: an open alert is RESOLVED with reason
     * {@link AlertTransition#DISCHARGED}; the runs restart (the sources stay: the devices are still at the bed).
     */
    public static Step discharge(BedParameterState current, Instant at) {
        throw new UnsupportedOperationException("issue 13: to be written");
    }
}
