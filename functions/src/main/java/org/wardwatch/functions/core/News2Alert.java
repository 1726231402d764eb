package org.wardwatch.functions.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.news2.News2Score;

/**
 * The NEWS2 alert's state machine, in device time (functions/README.md, "NEWS2"): it opens or escalates at once
 * when a band is reached, and downgrades or resolves only after the milder band has held {@code resolve}; a change
 * of score within the same band sends nothing. Pure: the caller scores the bed and stores the state.
 */
public final class News2Alert {

    private News2Alert() {
    }

    /** @param state the state after the step; @param transition the transition to publish, if any */
    public record Step(News2State state, Optional<AlertTransition> transition) {
    }

    /**
     * Evaluates the bed's score at {@code t}. An evaluation earlier than the state's latest (another device's clock)
     * is taken at the latest: time never runs backwards in the state.
     */
    public static Step evaluate(News2State current, News2Score score, Instant t, Duration resolve,
                                Supplier<String> newAlertId) {
        Instant at = current.evaluatedAt() != null && t.isBefore(current.evaluatedAt()) ? current.evaluatedAt() : t;
        Severity observed = score.response().severity();
        Instant atMostWarning = observed.compareTo(Severity.WARNING) <= 0
                ? since(current.atMostWarningSince(), at) : null;
        Instant normal = observed == Severity.NONE ? since(current.normalSince(), at) : null;
        Severity was = current.severity();
        Severity target = was;
        if (observed.compareTo(was) > 0) {
            target = observed;
        } else if (observed.compareTo(was) < 0) {
            if (held(normal, at, resolve)) {
                target = Severity.NONE;
            } else if (was == Severity.CRITICAL && held(atMostWarning, at, resolve)) {
                target = Severity.WARNING;
            }
        }
        if (target == was) {
            return new Step(new News2State(was, current.alertId(), current.openedAt(), atMostWarning, normal, at,
                    score.total()), Optional.empty());
        }
        String alertId = was == Severity.NONE ? newAlertId.get() : current.alertId();
        Instant openedAt = was == Severity.NONE ? at : current.openedAt();
        Transition transition = Transition.between(was, target);
        boolean open = target.isAlert();
        News2State next = new News2State(target, open ? alertId : null, open ? openedAt : null, atMostWarning,
                normal, at, score.total());
        return new Step(next, Optional.of(new AlertTransition(transition, alertId, target, was, openedAt, at)));
    }

    /** The patient was discharged at {@code at}: an open alert is RESOLVED as DISCHARGED and the state restarts. */
    public static Step discharge(News2State current, Instant at) {
        if (!current.severity().isAlert()) {
            return new Step(News2State.INITIAL, Optional.empty());
        }
        return new Step(News2State.INITIAL, Optional.of(new AlertTransition(Transition.RESOLVED, current.alertId(),
                Severity.NONE, current.severity(), current.openedAt(), at, AlertTransition.DISCHARGED)));
    }

    private static Instant since(Instant run, Instant t) {
        return run == null ? t : run;
    }

    private static boolean held(Instant since, Instant t, Duration needed) {
        return since != null && Duration.between(since, t).compareTo(needed) >= 0;
    }
}
