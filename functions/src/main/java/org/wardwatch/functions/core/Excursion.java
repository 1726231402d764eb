package org.wardwatch.functions.core;

import org.wardwatch.model.alert.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * A temperature excursion as CDC asks it recorded: start, end, duration, lowest and highest temperature, and
 * whether staff were alerted.
 *
 * @param end null while the excursion is still open
 * @param maxSeverity the highest severity its alert reached ({@link Severity#NONE} if it ended before any alert)
 * @param alertId the alert's id, null if none was published
 */
public record Excursion(Instant start, Instant end, double min, double max, Severity maxSeverity, String alertId,
                        String storageProfile) {

    public boolean alertSent() {
        return alertId != null;
    }

    public Duration duration() {
        return end == null ? null : Duration.between(start, end);
    }
}
