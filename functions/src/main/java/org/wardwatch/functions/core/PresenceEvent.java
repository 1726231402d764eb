package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One AWS IoT Core lifecycle event, {@code $aws/events/presence/connected|disconnected/<clientId>}, as far as
 * wardwatch keeps it: no IP address and no certificate hash (they identify the connection, not the device's state,
 * and the device registry already names the certificate).
 *
 * @param clientId                  the MQTT client id, which a device's IoT policy makes its thing name
 * @param timestamp                 IoT Core's clock when the event happened (epoch millis in the event)
 * @param sessionIdentifier         the session; a session's disconnected event carries its connected event's
 * @param versionNumber             IoT Core's counter of the client id's sessions (resets after long idleness)
 * @param disconnectReason          why the session ended, as IoT Core names it; null for a connected event
 * @param clientInitiatedDisconnect whether the device ended the session; null for a connected event
 */
public record PresenceEvent(String clientId, Instant timestamp, Type type, String sessionIdentifier,
                            long versionNumber, String disconnectReason, Boolean clientInitiatedDisconnect) {

    /** The two presence event types; IoT Core's topic level and {@code eventType} value is {@link #code()}. */
    public enum Type {
        CONNECTED("connected"),
        DISCONNECTED("disconnected");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The type of an {@code eventType} value, or null for any other value. */
        public static Type fromCode(String code) {
            for (Type type : values()) {
                if (type.code.equals(code)) {
                    return type;
                }
            }
            return null;
        }
    }

    public PresenceEvent {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sessionIdentifier, "sessionIdentifier");
    }

    public static PresenceEvent connected(String clientId, Instant timestamp, String session, long version) {
        return new PresenceEvent(clientId, timestamp, Type.CONNECTED, session, version, null, null);
    }

    public static PresenceEvent disconnected(String clientId, Instant timestamp, String session, long version,
                                             String reason, boolean clientInitiated) {
        return new PresenceEvent(clientId, timestamp, Type.DISCONNECTED, session, version, reason, clientInitiated);
    }

    public boolean isConnected() {
        return type == Type.CONNECTED;
    }

    /**
     * Whether {@code other} is the same event delivered again: IoT Core's time, session and type identify an event
     * (the history item's key is made of them).
     */
    public boolean isSameEvent(PresenceEvent other) {
        return timestamp.equals(other.timestamp) && type == other.type
                && sessionIdentifier.equals(other.sessionIdentifier);
    }
}
