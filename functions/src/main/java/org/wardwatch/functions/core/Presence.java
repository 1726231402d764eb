package org.wardwatch.functions.core;

import java.time.Duration;

/**
 * Which of two lifecycle events of one client id is newer, and what an event does to the recorded
 * {@link PresenceState}. IoT Core may deliver lifecycle events twice and out of order, and with a duplicate client id
 * (a device reconnecting before IoT Core noticed its old connection was gone) the new session's {@code connected}
 * (version n+1) is stamped before the old session's {@code disconnected} (version n): the device is connected.
 *
 * <p>The rule, for two events no more than {@link #VERSION_WINDOW} apart on IoT Core's clock: the higher
 * {@code versionNumber} is newer (IoT Core counts a client id's sessions); in one session {@code disconnected} is
 * newer than {@code connected}; otherwise the later timestamp. Further apart, the later timestamp is newer, because
 * IoT Core restarts the count at 0 once a client id has been idle for about an hour, so versions of events that far
 * apart may not be comparable. The window is well under that hour, and far more than the milliseconds by which a
 * takeover's events are stamped out of order.
 *
 * <p>On events as IoT Core produces them (no reset of the count within the window) the rule is a total order, so the
 * recorded state is the newest of all events delivered, whatever their order and however often each arrived:
 * {@code PresenceTest} checks every permutation. Events that agree on every compared field are one event delivered
 * twice.
 */
public final class Presence {

    /** Events this close are ordered by IoT Core's session count; further apart, by time (see the class comment). */
    public static final Duration VERSION_WINDOW = Duration.ofMinutes(10);

    private Presence() {
    }

    /** What an event does: the state after it, and whether it is now the device's current presence. */
    public record Step(PresenceState next, boolean becameCurrent) {
    }

    /** Positive when {@code a} is newer than {@code b}, negative when older, 0 for the same event. */
    public static int compare(PresenceEvent a, PresenceEvent b) {
        long apart = a.timestamp().toEpochMilli() - b.timestamp().toEpochMilli();
        if (Math.abs(apart) > VERSION_WINDOW.toMillis()) {
            return Long.signum(apart);
        }
        if (a.versionNumber() != b.versionNumber()) {
            return Long.compare(a.versionNumber(), b.versionNumber());
        }
        boolean sameSession = a.sessionIdentifier().equals(b.sessionIdentifier());
        if (sameSession && a.type() != b.type()) {
            return a.type() == PresenceEvent.Type.DISCONNECTED ? 1 : -1;
        }
        if (apart != 0) {
            return Long.signum(apart);
        }
        // The same millisecond and count: only a deterministic choice is needed, so that every order agrees.
        int byType = a.type().compareTo(b.type());
        if (byType != 0) {
            return Integer.signum(byType);
        }
        int bySession = a.sessionIdentifier().compareTo(b.sessionIdentifier());
        if (bySession != 0) {
            return Integer.signum(bySession);
        }
        int byReason = compareNullable(a.disconnectReason(), b.disconnectReason());
        return byReason != 0 ? byReason : compareNullable(a.clientInitiatedDisconnect(), b.clientInitiatedDisconnect());
    }

    /** The recorded state after {@code event}: each part replaced only by a newer event. */
    public static Step apply(PresenceState recorded, PresenceEvent event) {
        boolean newest = recorded.current() == null || compare(event, recorded.current()) > 0;
        PresenceEvent lastDisconnect = recorded.lastDisconnect();
        if (event.type() == PresenceEvent.Type.DISCONNECTED
                && (lastDisconnect == null || compare(event, lastDisconnect) > 0)) {
            lastDisconnect = event;
        }
        return new Step(new PresenceState(newest ? event : recorded.current(), lastDisconnect), newest);
    }

    private static <T extends Comparable<T>> int compareNullable(T a, T b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return Integer.signum(a.compareTo(b));
    }
}
