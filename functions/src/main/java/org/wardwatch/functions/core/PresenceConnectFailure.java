package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A CONNECT that IoT Core refused, {@code $aws/events/presence/connect_failed/<clientId>}: a device whose certificate
 * was revoked, or an impostor using its client id, trying again and again. It opens no session, so it says nothing of
 * whether the device is connected (it may well be, on another connection): it is kept in the device's history and
 * counted, and never changes the recorded {@link PresenceState}.
 *
 * @param clientId  the client id the CONNECT claimed
 * @param timestamp IoT Core's clock when it refused it
 * @param reason    IoT Core's {@code connectFailureReason}, e.g. {@code AUTHORIZATION_FAILED}
 */
public record PresenceConnectFailure(String clientId, Instant timestamp, String reason) {

    public static final String EVENT_TYPE = "connect_failed";

    public PresenceConnectFailure {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(reason, "reason");
    }
}
