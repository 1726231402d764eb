package org.wardwatch.functions.service;

/**
 * What the presence function did with one lifecycle event; the handler answers it as
 * {@code {"outcome": "...", "reason": "<code, only when quarantined>"}} and counts it in metrics.
 *
 * @param reason the rejection reason when {@link Outcome#QUARANTINED}, else null
 */
public record PresenceResult(Outcome outcome, String reason) {

    public enum Outcome {
        /** The event is now the device's presence. */
        RECORDED,
        /**
         * Valid, but older than the recorded presence: kept in the history (and as the last disconnect when it is
         * the newest disconnected event).
         */
        STALE,
        /**
         * A refused CONNECT ({@code connect_failed}): kept in the history and counted; the presence is unchanged,
         * since the device may be connected on another connection.
         */
        CONNECT_FAILED,
        /** The same event again: nothing new is recorded (a presence an earlier attempt left unwritten is). */
        DUPLICATE,
        /** Rejected and quarantined with {@link #reason()}. */
        QUARANTINED
    }

    public static PresenceResult quarantined(String reason) {
        return new PresenceResult(Outcome.QUARANTINED, reason);
    }
}
