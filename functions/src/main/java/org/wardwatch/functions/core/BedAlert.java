package org.wardwatch.functions.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** Sources in rank order (cardiac monitor first), then by thing name, so that a state is written alike. */
    static final Comparator<SourceValue> BY_RANK = Comparator.<SourceValue>comparingInt(s -> s.kind().sourceRank())
            .thenComparing(SourceValue::thingName);

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
        Instant t = reading.deviceTime();
        List<SourceValue> sources = new ArrayList<>(current.sources().size() + 1);
        for (SourceValue s : current.sources()) {
            if (!s.thingName().equals(reading.thingName())) {
                sources.add(s);
            } else if (!s.deviceTime().isBefore(t)) {
                return new Step(current, Optional.empty(), true, false);
            }
        }
        sources.add(reading);
        sources.sort(BY_RANK);
        if (!counts(reading, current.lastCounted(), sources)) {
            return new Step(withSources(current, sources), Optional.empty(), false, false);
        }
        Instant warning = observed.compareTo(Severity.WARNING) >= 0 ? since(current.atLeastWarningSince(), t) : null;
        Instant critical = observed == Severity.CRITICAL ? since(current.atLeastCriticalSince(), t) : null;
        Instant atMostWarning = observed.compareTo(Severity.WARNING) <= 0 ? since(current.atMostWarningSince(), t) : null;
        Instant normal = observed == Severity.NONE ? since(current.normalSince(), t) : null;
        Severity was = current.severity();
        Severity target = was;
        if (observed.compareTo(was) > 0) {
            if (observed == Severity.CRITICAL && (delay.immediate(reading.value()) || held(critical, t, delay.confirm()))) {
                target = Severity.CRITICAL;
            } else if (was == Severity.NONE && (delay.immediate(reading.value()) || held(warning, t, delay.confirm()))) {
                target = Severity.WARNING;
            }
        } else if (observed.compareTo(was) < 0) {
            if (held(normal, t, delay.resolve())) {
                target = Severity.NONE;
            } else if (was == Severity.CRITICAL && held(atMostWarning, t, delay.resolve())) {
                target = Severity.WARNING;
            }
        }
        if (target == was) {
            return new Step(new BedParameterState(was, current.alertId(), current.openedAt(), warning, critical,
                    atMostWarning, normal, t, sources), Optional.empty(), false, true);
        }
        String alertId = was == Severity.NONE ? newAlertId.get() : current.alertId();
        Instant openedAt = was == Severity.NONE ? t : current.openedAt();
        Transition transition = Transition.between(was, target);
        boolean open = target.isAlert();
        BedParameterState next = new BedParameterState(target, open ? alertId : null, open ? openedAt : null,
                warning, critical, atMostWarning, normal, t, sources);
        return new Step(next, Optional.of(new AlertTransition(transition, alertId, target, was, openedAt, t)), false,
                true);
    }

    /**
     * The device stopped feeding this bed (moved to another bed, or unassigned) at {@code at}: its source entry is
     * removed; an open alert that no other source fed within {@link #SOURCE_FRESH} before {@code at} is RESOLVED
     * with reason {@link AlertTransition#DEVICE_REASSIGNED}. When no fresh source remains, the runs restart too
     * (whether or not an alert was open), so that the next device's readings are not joined to the leaver's.
     */
    public static Step detach(BedParameterState current, String thingName, Instant at) {
        List<SourceValue> remaining = current.sources().stream().filter(s -> !s.thingName().equals(thingName))
                .toList();
        if (remaining.size() == current.sources().size()) {
            return new Step(current, Optional.empty(), false, false);
        }
        Instant freshFrom = at.minus(SOURCE_FRESH);
        if (remaining.stream().anyMatch(s -> !s.deviceTime().isBefore(freshFrom))) {
            return new Step(withSources(current, remaining), Optional.empty(), false, false);
        }
        Optional<AlertTransition> resolved = resolution(current, at, AlertTransition.DEVICE_REASSIGNED);
        BedParameterState next = new BedParameterState(Severity.NONE, null, null, null, null, null, null,
                current.lastCounted(), remaining);
        return new Step(next, resolved, false, false);
    }

    /**
     * The patient was discharged at {@code at}: an open alert is RESOLVED with reason
     * {@link AlertTransition#DISCHARGED}; the runs restart (the sources stay: the devices are still at the bed).
     */
    public static Step discharge(BedParameterState current, Instant at) {
        BedParameterState next = new BedParameterState(Severity.NONE, null, null, null, null, null, null, null,
                current.sources());
        return new Step(next, resolution(current, at, AlertTransition.DISCHARGED), false, false);
    }

    private static boolean counts(SourceValue reading, Instant lastCounted, List<SourceValue> sources) {
        Instant t = reading.deviceTime();
        if (lastCounted != null && !t.isAfter(lastCounted)) {
            return false;
        }
        Instant freshFrom = t.minus(SOURCE_FRESH);
        int rank = reading.kind().sourceRank();
        for (SourceValue s : sources) {
            if (s.kind().sourceRank() < rank && !s.deviceTime().isBefore(freshFrom)) {
                return false;
            }
            if (reading.kind().consumerGrade() && !s.kind().consumerGrade()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<AlertTransition> resolution(BedParameterState current, Instant at, String reason) {
        if (!current.severity().isAlert()) {
            return Optional.empty();
        }
        return Optional.of(new AlertTransition(Transition.RESOLVED, current.alertId(), Severity.NONE,
                current.severity(), current.openedAt(), at, reason));
    }

    private static BedParameterState withSources(BedParameterState s, List<SourceValue> sources) {
        return new BedParameterState(s.severity(), s.alertId(), s.openedAt(), s.atLeastWarningSince(),
                s.atLeastCriticalSince(), s.atMostWarningSince(), s.normalSince(), s.lastCounted(), sources);
    }

    private static Instant since(Instant run, Instant t) {
        return run == null ? t : run;
    }

    private static boolean held(Instant since, Instant t, Duration needed) {
        return since != null && Duration.between(since, t).compareTo(needed) >= 0;
    }
}
