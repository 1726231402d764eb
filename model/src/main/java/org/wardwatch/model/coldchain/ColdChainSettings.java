package org.wardwatch.model.coldchain;

import java.time.Duration;

/**
 * How long a cold-chain condition must last before staff are told.
 *
 * @param warnAfter an excursion still out of range this long after its start opens a WARNING (default 15 min)
 * @param escalateAfter ... this long after its start is CRITICAL (default 60 min)
 * @param doorAfter a door still open this long after it opened opens a WARNING (default 5 min)
 */
public record ColdChainSettings(Duration warnAfter, Duration escalateAfter, Duration doorAfter) {

    public static final int DEFAULT_WARNING_MINUTES = 15;
    public static final int DEFAULT_CRITICAL_MINUTES = 60;
    public static final int DEFAULT_DOOR_MINUTES = 5;

    public static final ColdChainSettings DEFAULTS = new ColdChainSettings(Duration.ofMinutes(DEFAULT_WARNING_MINUTES),
            Duration.ofMinutes(DEFAULT_CRITICAL_MINUTES), Duration.ofMinutes(DEFAULT_DOOR_MINUTES));

    public ColdChainSettings {
        if (warnAfter.isNegative() || escalateAfter.compareTo(warnAfter) < 0 || doorAfter.isNegative()) {
            throw new IllegalArgumentException("cold chain delays must be >= 0 and the escalation delay at least"
                    + " the warning delay");
        }
    }
}
