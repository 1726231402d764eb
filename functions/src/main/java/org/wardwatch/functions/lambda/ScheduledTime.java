package org.wardwatch.functions.lambda;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The instant a scheduled check runs at ({@code silence}, {@code escalation}): the EventBridge scheduled event's
 * {@code time} (ISO-8601 UTC, e.g. {@code 2026-11-20T10:05:00Z}) when it has one, which is how a replay's
 * {@code {"clock": ...}} line moves it; else the function's clock. A time more than {@link #AHEAD} after the clock
 * is refused: a check cannot run in the future, where it would send reminders and escalations early.
 */
final class ScheduledTime {

    /** How far an event's time may be ahead of the function's clock (clocks differ a little). */
    static final Duration AHEAD = Duration.ofMinutes(1);

    /** The event's time cannot be the check's instant; the message is one line. */
    static final class InvalidEventException extends RuntimeException {
        InvalidEventException(String message) {
            super(message);
        }
    }

    private ScheduledTime() {
    }

    /** @param now the function's clock */
    static Instant of(Map<String, Object> event, Instant now) {
        Object time = event == null ? null : event.get("time");
        if (time == null) {
            return now;
        }
        Instant at;
        try {
            at = Instant.parse(time instanceof String text ? text : "");
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("the event's time must be an ISO-8601 UTC time such as "
                    + "2026-11-20T10:05:00Z");
        }
        if (at.isAfter(now.plus(AHEAD))) {
            throw new InvalidEventException("the event's time " + at + " is more than a minute after the clock ("
                    + now + "): a check does not run in the future");
        }
        return at;
    }
}
