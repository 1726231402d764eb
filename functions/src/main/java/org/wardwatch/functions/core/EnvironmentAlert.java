package org.wardwatch.functions.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.wardwatch.model.alert.Severity;

/**
 * The alert state machine of one room sensor and metric, in device time. A door opening makes short excursions
 * normal, so a band counts only once it has been held {@link #HOLD}: an alert opens (or escalates) at the first
 * reading at least that long after the first reading of the band, with no milder reading between. A milder
 * out-of-band reading downgrades at once; an in-band reading resolves at once. The {@link Episode} holds since when
 * the readings have been out of band ({@code start}) and CRITICAL ({@code criticalSince}). A reading no newer than
 * the latest evaluated changes nothing.
 */
public final class EnvironmentAlert {

    /** How long a band must be held before it counts. */
    public static final Duration HOLD = Duration.ofSeconds(60);

    private EnvironmentAlert() {
    }

    public static ColdChain.Step evaluate(AlertState alert, Episode episode, Instant time, double value,
                                          Severity observed, Supplier<String> newAlertId) {
        if (alert.lastEvaluated() != null && !time.isAfter(alert.lastEvaluated())) {
            return new ColdChain.Step(alert, episode, Optional.empty(), Optional.empty(), true);
        }
        Severity open = alert.severity();
        if (!observed.isAlert()) {
            return step(alert, null, Severity.NONE, time, newAlertId);
        }
        Episode now = episode == null ? Episode.startingWith(time, value) : episode.including(value);
        Instant criticalSince = observed != Severity.CRITICAL ? null
                : now.criticalSince() != null ? now.criticalSince() : time;
        now = new Episode(now.start(), now.min(), now.max(), criticalSince);
        Severity held = criticalSince != null && heldSince(criticalSince, time) ? Severity.CRITICAL
                : heldSince(now.start(), time) ? Severity.WARNING : Severity.NONE;
        Severity target = open.isAlert() && observed.compareTo(open) < 0 ? observed : max(open, held);
        return step(alert, now, target, time, newAlertId);
    }

    private static boolean heldSince(Instant since, Instant time) {
        return Duration.between(since, time).compareTo(HOLD) >= 0;
    }

    private static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static ColdChain.Step step(AlertState alert, Episode episode, Severity target, Instant time,
                                       Supplier<String> newAlertId) {
        Severity was = alert.severity();
        if (target == was) {
            AlertState evaluated = new AlertState(was, alert.alertId(), alert.openedAt(), time);
            return new ColdChain.Step(evaluated, episode, Optional.empty(), Optional.empty(), false);
        }
        Transition transition;
        AlertState next;
        if (!was.isAlert()) {
            transition = Transition.OPENED;
            next = new AlertState(target, newAlertId.get(), time, time);
        } else if (!target.isAlert()) {
            transition = Transition.RESOLVED;
            next = new AlertState(Severity.NONE, alert.alertId(), alert.openedAt(), time);
        } else {
            transition = target.compareTo(was) > 0 ? Transition.ESCALATED : Transition.DOWNGRADED;
            next = new AlertState(target, alert.alertId(), alert.openedAt(), time);
        }
        AlertTransition t = new AlertTransition(transition, next.alertId(), target, was, next.openedAt(), time);
        AlertState stored = target.isAlert() ? next : new AlertState(Severity.NONE, null, null, time);
        return new ColdChain.Step(stored, episode, Optional.of(t), Optional.empty(), false);
    }
}
