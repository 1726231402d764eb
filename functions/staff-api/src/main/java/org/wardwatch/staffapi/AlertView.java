package org.wardwatch.staffapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wardwatch.functions.core.AlertRecord;

/** An alert as staff see it: its record and, for one alert, its timeline. Times ISO-8601 UTC (offset Z). */
@Schema(name = "Alert")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(
        @Schema(examples = "7KQ2M9X") String alertId,
        @Schema(enumeration = {"THRESHOLD", "NEWS2", "COLD_CHAIN", "DEVICE", "ENVIRONMENT"}) String type,
        @Schema(examples = "ICU-3") String ward,
        @Schema(description = "bed 12, room 3, or a device's thing name", examples = "bed 12") String place,
        @Schema(description = "the metric or device condition", examples = "spo2") String subject,
        @Schema(enumeration = {"NONE", "WARNING", "CRITICAL"}) String severity,
        @Schema(format = "date-time") String openedAt,
        @Schema(description = "the highest escalation tier paged") int highestTier,
        String acknowledgedBy,
        @Schema(format = "date-time") String acknowledgedAt,
        String acknowledgementNote,
        @Schema(format = "date-time") String resolvedAt,
        @Schema(description = "oldest first; only in GET /alerts/{alertId}") List<Event> timeline) {

    /** One event of the alert's life. */
    @Schema(name = "AlertEvent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(
            @Schema(enumeration = {"OPENED", "ESCALATED", "DOWNGRADED", "RESOLVED", "ACKNOWLEDGED", "REMINDER",
                    "UNACKNOWLEDGED"}) String event,
            @Schema(format = "date-time") String at,
            String severity,
            @Schema(description = "the tier sent to; 0 for ACKNOWLEDGED") int tier,
            String by,
            String note) {
    }

    static AlertView of(AlertRecord r, boolean withTimeline) {
        return new AlertView(r.alertId(), r.type(), r.ward(), r.place(), r.subject(), r.severity().name(),
                time(r.openedAt()), r.highestTier(), r.acknowledgedBy(), time(r.acknowledgedAt()),
                r.acknowledgementNote(), time(r.resolvedAt()), withTimeline ? r.timeline().stream()
                        .map(t -> new Event(t.event(), time(t.at()), t.severity() == null ? null : t.severity().name(),
                                t.tier(), t.by(), t.note())).toList() : null);
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
