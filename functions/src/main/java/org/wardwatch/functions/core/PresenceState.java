package org.wardwatch.functions.core;

/**
 * What is recorded of a device's connection: the newest lifecycle event (by {@link Presence#compare}), which says
 * whether it is connected and since when, and the newest disconnected event, which says why it last went away (kept
 * apart because after a reconnection the newest event is a connected one).
 *
 * @param current        the newest event, or null before the first
 * @param lastDisconnect the newest disconnected event, or null before the first
 */
public record PresenceState(PresenceEvent current, PresenceEvent lastDisconnect) {

    public static final PresenceState NONE = new PresenceState(null, null);

    public boolean connected() {
        return current != null && current.isConnected();
    }
}
