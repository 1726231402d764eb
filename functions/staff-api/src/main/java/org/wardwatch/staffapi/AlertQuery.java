package org.wardwatch.staffapi;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.model.alert.AlertType;
import org.wardwatch.model.alert.Severity;

/**
 * What {@code GET /alerts} asks for, checked: open or closed alerts, of a type and severity, opened in a window.
 * Open alerts are every open one unless a window is given; closed ones are those opened in the last
 * {@link #CLOSED_DEFAULT} unless a window is given, of at most {@link #SPAN_MAX}.
 */
record AlertQuery(boolean open, Optional<AlertType> type, Optional<Severity> severity, Instant from, Instant to) {

    static final Duration CLOSED_DEFAULT = Duration.ofDays(7);
    static final Duration SPAN_MAX = Duration.ofDays(31);

    static AlertQuery of(String state, String type, String severity, String from, String to, Instant now) {
        if (state != null && !state.equals("open") && !state.equals("closed")) {
            throw new ProblemException(400, "state must be open or closed");
        }
        boolean open = state == null || state.equals("open");
        Optional<AlertType> alertType = type == null ? Optional.empty() : Optional.of(AlertType.of(type)
                .orElseThrow(() -> new ProblemException(400, "type must be one of " + AlertType.names())));
        Optional<Severity> alertSeverity = severity == null ? Optional.empty() : Optional.of(Arrays
                .stream(Severity.values()).filter(s -> s.isAlert() && s.name().equals(severity)).findFirst()
                .orElseThrow(() -> new ProblemException(400, "severity must be one of " + Arrays
                        .stream(Severity.values()).filter(Severity::isAlert).map(Enum::name)
                        .collect(Collectors.joining(", ")))));
        Instant asked = Paging.time("to", to);
        Instant end = asked != null ? asked : open ? Instant.MAX : now;
        Instant askedFrom = Paging.time("from", from);
        Instant start = askedFrom != null ? askedFrom : open ? Instant.MIN : end.minus(CLOSED_DEFAULT);
        if (!start.isBefore(end)) {
            throw new ProblemException(400, "from must be before to");
        }
        if (!open && Duration.between(start, end).compareTo(SPAN_MAX) > 0) {
            throw new ProblemException(400, "closed alerts are listed at most " + SPAN_MAX.toDays()
                    + " days at a time: narrow from and to");
        }
        return new AlertQuery(open, alertType, alertSeverity, start, end);
    }

    private static Severity highest(AlertRecord r) {
        return r.timeline().stream().map(AlertRecord.TimelineEntry::severity).max(Severity::compareTo)
                .orElse(r.severity());
    }

    String state() {
        return open ? "open" : "closed";
    }

    /**
     * Whether {@code r} is one the query asks for: its state, type, opening time, and severity: an open alert's
     * current one, a closed alert's highest (a closed alert's own is NONE).
     */
    boolean matches(AlertRecord r) {
        return r.open() == open && type.map(t -> t.name().equals(r.type())).orElse(true)
                && severity.map(s -> s == (open ? r.severity() : highest(r))).orElse(true)
                && !r.openedAt().isBefore(from) && r.openedAt().isBefore(to);
    }
}
