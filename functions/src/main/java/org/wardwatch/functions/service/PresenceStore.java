package org.wardwatch.functions.service;

import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.PresenceConnectFailure;
import org.wardwatch.functions.core.PresenceEvent;
import org.wardwatch.functions.core.PresenceState;

/**
 * Where the presence function keeps each device's lifecycle events and its current presence. Writing an event twice
 * stores it once; the presence is advanced only from the state it was read in.
 */
public interface PresenceStore {

    /** The recorded presence with the version a conditional write must find. */
    record Stored(PresenceState state, long version) {
        public static final Stored NONE = new Stored(PresenceState.NONE, 0);
    }

    /**
     * Keeps the event in the device's history under a key made of its time, session and type.
     *
     * @return false when it was there already (a duplicate delivery, counted on the item)
     */
    boolean recordEvent(Device device, PresenceEvent event);

    /**
     * Keeps a refused connect in the device's history under a key made of its time and type; the presence is not
     * touched.
     *
     * @return false when it was there already (a duplicate delivery, counted on the item)
     */
    boolean recordConnectFailure(Device device, PresenceConnectFailure failure);

    Stored presence(String thingName);

    /**
     * Records {@code next} as the device's presence, only if the stored one is still at {@code expected}'s version.
     *
     * @return false when another invocation changed it first: read it again and re-apply the event
     */
    boolean advance(Device device, Stored expected, PresenceState next);

    void quarantine(QuarantineEntry entry);
}
