package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.List;
import org.wardwatch.model.alert.Severity;

/**
 * One alert's record for acknowledgement and escalation (issue 15; functions/README.md, "Acknowledgement and
 * escalation"): what it is about, where, its severity now, when its escalation clock started, how many of its
 * policy's steps were sent since, who acknowledged it, and its timeline.
 *
 * @param type        THRESHOLD, NEWS2, COLD_CHAIN, DEVICE or ENVIRONMENT
 * @param place       where staff find it: {@code bed 12}, {@code room 3}, or the device's thing name
 * @param subject     the metric or device condition it is about ({@code spo2}, {@code battery}); {@code news2}
 * @param severity    its severity now; {@link Severity#NONE} once resolved
 * @param clockFrom   device time of the transition that started its escalation clock (OPENED, ESCALATED or
 *                    DOWNGRADED)
 * @param stepsSent   how many of the policy's steps for {@code severity} were sent since {@code clockFrom}
 * @param highestTier the highest tier paged for it so far (1 when it opened): who is told of its acknowledgement
 * @param acknowledgedBy null while nobody has acknowledged it (since the clock started)
 * @param timeline    everything that happened to it, oldest first
 */
public record AlertRecord(String alertId, String type, String ward, String place, String subject, Severity severity,
                          Instant openedAt, Instant clockFrom, int stepsSent, int highestTier,
                          String acknowledgedBy, Instant acknowledgedAt, String acknowledgementNote,
                          Instant resolvedAt, List<TimelineEntry> timeline) {

    public AlertRecord {
        timeline = List.copyOf(timeline);
    }

    public boolean open() {
        return resolvedAt == null;
    }

    public boolean acknowledged() {
        return acknowledgedBy != null;
    }

    /**
     * One event of an alert's life.
     *
     * @param event OPENED, ESCALATED, DOWNGRADED, RESOLVED, ACKNOWLEDGED, REMINDER or UNACKNOWLEDGED
     * @param tier  the tier sent to (REMINDER, UNACKNOWLEDGED, and 1 for the transitions); 0 for ACKNOWLEDGED
     * @param by    who acknowledged; null otherwise
     * @param note  the acknowledgement's note, or a resolution's reason; null otherwise
     */
    public record TimelineEntry(String event, Instant at, Severity severity, int tier, String by, String note) {
    }
}
