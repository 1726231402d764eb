package org.wardwatch.functions.core;

/** What decoding a payload gave: a message, or the message-level rejection with any messageId it carried. */
public sealed interface Decoding {

    record Decoded(DecodedMessage message) implements Decoding {
    }

    record Rejected(Rejection rejection, String messageId) implements Decoding {
    }
}
