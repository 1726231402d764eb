package org.wardwatch.model.tenant;

import java.time.Duration;

/**
 * How NEWS2 is scored and alerted (tenant configuration block {@code news2}).
 *
 * @param window           a device-measured parameter counts while its value is no older than this at the
 *                         evaluation ({@code news2.windowMinutes}, default 60)
 * @param resolve          a milder band must hold this long before the alert downgrades or resolves
 *                         ({@code news2.resolveSeconds}, default 60)
 * @param observationValid a nurse's observation (consciousness, air or oxygen) counts this long after it was
 *                         entered ({@code news2.observationMinutes}, default 720)
 */
public record News2Settings(Duration window, Duration resolve, Duration observationValid) {

    public static final int DEFAULT_WINDOW_MINUTES = 60;
    public static final int DEFAULT_RESOLVE_SECONDS = 60;
    public static final int DEFAULT_OBSERVATION_MINUTES = 720;

    public static final News2Settings DEFAULTS = new News2Settings(Duration.ofMinutes(DEFAULT_WINDOW_MINUTES),
            Duration.ofSeconds(DEFAULT_RESOLVE_SECONDS), Duration.ofMinutes(DEFAULT_OBSERVATION_MINUTES));
}
