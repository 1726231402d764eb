package org.wardwatch.functions.core;

import org.wardwatch.model.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A temperature excursion as the device's excursion log holds it: what CDC asks to be recorded (start, end,
 * duration, minimum and maximum temperature) and what was done about it (alert sent, acknowledged by whom).
 *
 * @param end            null while the excursion is still open
 * @param minCelsius     the lowest temperature seen during the excursion; null if not recorded
 * @param maxCelsius     the highest temperature seen during the excursion; null if not recorded
 * @param maxSeverity    the highest alert severity reached ({@link Severity#NONE} if it ended before any alert)
 * @param alertId        the alert's short id, or null
 * @param acknowledgedBy who acknowledged the alert, or null
 */
public record ExcursionRecord(Instant start, Instant end, Double minCelsius, Double maxCelsius, boolean alertSent,
                              Severity maxSeverity, String alertId, String acknowledgedBy) {

    public boolean isOpen() {
        return end == null;
    }

    /** How long it lasted; empty while it is open. */
    public Optional<Duration> duration() {
        return isOpen() ? Optional.empty() : Optional.of(Duration.between(start, end));
    }

    /**
     * Whether the excursion touches {@code [from, to)}. An open excursion lasts until {@code now}; one that
     * starts in the interval touches it however short it is.
     */
    public boolean touches(Instant from, Instant to, Instant now) {
        Instant until = isOpen() ? now : end;
        return start.isBefore(to) && (until.isAfter(from) || !start.isBefore(from));
    }
}
