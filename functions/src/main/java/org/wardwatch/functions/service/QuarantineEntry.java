package org.wardwatch.functions.service;

import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.Rejection;

/**
 * A rejected message or reading, kept with the original payload so it can be examined and replayed.
 *
 * @param messageId the payload's messageId when it had a usable one, else null
 */
public record QuarantineEntry(Envelope envelope, String messageId, Rejection rejection, byte[] payload) {
}
