package org.wardwatch.functions.core;

import java.time.Instant;

/** What decoding a lifecycle event gave: a connected or disconnected event, a refused connect, or its rejection. */
public sealed interface PresenceDecoding {

    record Decoded(PresenceEvent event) implements PresenceDecoding {
    }

    record FailedConnect(PresenceConnectFailure failure) implements PresenceDecoding {
    }

    /**
     * @param clientId  the event's client id when it had a usable one (where to quarantine it), else null
     * @param timestamp the event's time when it had a usable one, else null
     */
    record Rejected(Rejection rejection, String clientId, Instant timestamp) implements PresenceDecoding {
    }
}
