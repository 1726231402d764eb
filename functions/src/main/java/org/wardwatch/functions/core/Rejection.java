package org.wardwatch.functions.core;

/**
 * One rejected message or reading.
 *
 * @param detail what was wrong, in words that never repeat the payload's values (they may be patient data)
 * @param readingIndex the reading's position in {@code readings}, or null for a message-level rejection
 */
public record Rejection(RejectionReason reason, String detail, Integer readingIndex) {

    public static Rejection ofMessage(RejectionReason reason, String detail) {
        return new Rejection(reason, detail, null);
    }

    public static Rejection ofReading(int index, RejectionReason reason, String detail) {
        return new Rejection(reason, detail, index);
    }

    public boolean isMessageLevel() {
        return readingIndex == null;
    }
}
