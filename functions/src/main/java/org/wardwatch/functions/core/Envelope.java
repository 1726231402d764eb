package org.wardwatch.functions.core;

import java.time.Instant;

/**
 * What the tenant's topic rule says about a message, as opposed to what the device says in its payload.
 *
 * @param tenantId {@code topic(2)}
 * @param thingName {@code topic(4)}: the device whose topic it was published on
 * @param clientId {@code clientid()}: the MQTT client id, which IoT Core ties to the certificate's thing
 * @param receivedAt {@code timestamp()}: when IoT Core received it
 */
public record Envelope(String tenantId, String thingName, String clientId, Instant receivedAt) {
}
