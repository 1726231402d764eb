package org.wardwatch.functions.service;

import java.util.Map;

/**
 * An alert exactly as it will be published: kept in the outbox before it is sent, so a retry sends the same bytes.
 *
 * @param key identifies the outbox entry within the device's partition
 * @param message the SNS {@code MessageStructure=json} document ({@code default}, {@code sms}, {@code email})
 * @param attributes message attributes subscriptions filter on ({@code severity}, {@code type},
 *                   {@code transition}, {@code ward})
 */
public record OutgoingAlert(String thingName, String key, String subject, String message,
                            Map<String, String> attributes) {
}
