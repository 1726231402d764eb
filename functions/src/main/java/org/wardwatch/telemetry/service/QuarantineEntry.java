package org.wardwatch.telemetry.service;

import org.wardwatch.telemetry.core.Envelope;
import org.wardwatch.telemetry.core.Rejection;

/**
 * A rejected message or reading, kept with the original payload so it can be examined and replayed.
 *
 * @param messageId the payload's messageId when it had a usable one, else null
 */
public record QuarantineEntry(Envelope envelope, String messageId, Rejection rejection, byte[] payload) {
}
