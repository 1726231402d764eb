package org.wardwatch.functions.core;

import java.util.List;

/** What validating a message against its envelope and the device registry gave. */
public sealed interface Validation {

    /** The message is accepted; {@code readings} are those to store, {@code rejections} the readings refused. */
    record Accepted(Device device, DecodedMessage message, List<Reading> readings, List<Rejection> rejections)
            implements Validation {
    }

    /** The whole message is refused. */
    record Rejected(Rejection rejection, String messageId) implements Validation {
    }
}
