package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.List;

/**
 * A payload that decoded as schema v1. Readings that failed on their own are in {@code readingRejections};
 * the rest, already in canonical units, are in {@code readings}.
 *
 * @param device the payload's optional {@code device} field (null when absent)
 * @param battery the optional battery level, 0..1 (null when absent)
 */
public record DecodedMessage(String messageId, Instant deviceTime, String device, Double battery,
                             List<Reading> readings, List<Rejection> readingRejections) {
}
