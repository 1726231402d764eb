package org.wardwatch.functions.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
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
        throw new UnsupportedOperationException("contract: implemented in issue 14");
    }

    /** The patient was discharged at {@code at}: an open alert is RESOLVED as DISCHARGED and the state restarts. */
    public static Step discharge(News2State current, Instant at) {
        throw new UnsupportedOperationException("contract: implemented in issue 14");
    }
}
