package org.wardwatch.functions.core;

import org.wardwatch.model.alert.Severity;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The alert state machine of one device and metric, in device time. Publishes nothing while the severity is
 * unchanged (alarm fatigue, docs/clinical-defaults.md, "Alarm delays and alarm safety"), and ignores readings no newer than the latest
 * evaluated: they are stored, but a late reading must not reopen or close what newer readings decided.
 */
public final class AlertLifecycle {

    private AlertLifecycle() {
    }

    /** The state after a reading, and the transition to publish if any. {@code late} readings change nothing. */
    public record Step(AlertState state, Optional<AlertTransition> transition, boolean late) {
    }

    public static Step evaluate(AlertState current, Severity observed, Instant deviceTime, Supplier<String> newAlertId) {
        if (current.lastEvaluated() != null && !deviceTime.isAfter(current.lastEvaluated())) {
            return new Step(current, Optional.empty(), true);
        }
        Severity was = current.severity();
        if (observed == was) {
            return new Step(new AlertState(was, current.alertId(), current.openedAt(), deviceTime), Optional.empty(), false);
        }
        if (!was.isAlert()) {
            String id = newAlertId.get();
            return step(new AlertState(observed, id, deviceTime, deviceTime), Transition.OPENED, was, deviceTime);
        }
        if (!observed.isAlert()) {
            return step(new AlertState(Severity.NONE, current.alertId(), current.openedAt(), deviceTime),
                    Transition.RESOLVED, was, deviceTime);
        }
        Transition transition = observed.compareTo(was) > 0 ? Transition.ESCALATED : Transition.DOWNGRADED;
        return step(new AlertState(observed, current.alertId(), current.openedAt(), deviceTime), transition, was,
                deviceTime);
    }

    private static Step step(AlertState next, Transition transition, Severity was, Instant deviceTime) {
        AlertTransition t = new AlertTransition(transition, next.alertId(), next.severity(), was, next.openedAt(),
                deviceTime);
        AlertState stored = next.severity().isAlert() ? next
                : new AlertState(Severity.NONE, null, null, next.lastEvaluated());
        return new Step(stored, Optional.of(t), false);
    }
}
