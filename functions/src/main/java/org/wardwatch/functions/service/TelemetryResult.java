package org.wardwatch.functions.service;

import java.util.List;

/**
 * What the function did with one event; returned to the invoker and counted in metrics. Holds reason codes,
 * never payload values.
 *
 * @param reasons the rejection reason of the message, or of each rejected reading, in reading order
 * @param readingsLate readings stored but too old when received to change any alert (maxReadingAgeMinutes)
 */
public record TelemetryResult(Outcome outcome, String messageId, int readingsStored, int readingsRejected,
                              List<String> reasons, int notifications, int readingsLate) {

    public TelemetryResult(Outcome outcome, String messageId, int readingsStored, int readingsRejected,
                           List<String> reasons, int notifications) {
        this(outcome, messageId, readingsStored, readingsRejected, reasons, notifications, 0);
    }

    public enum Outcome {
        /** The message was accepted (some readings may have been rejected). */
        ACCEPTED,
        /** The message had been processed before: nothing stored or sent again. */
        DUPLICATE,
        /** The whole message was rejected and quarantined. */
        REJECTED
    }
}
