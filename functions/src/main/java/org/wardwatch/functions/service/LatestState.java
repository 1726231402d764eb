package org.wardwatch.functions.service;

import org.wardwatch.functions.core.AlertState;
import org.wardwatch.functions.core.Episode;

/**
 * The stored state of a device and metric as of its latest reading: the alert, any condition in progress (a
 * cold-chain excursion or door-open period), and the version writes are conditioned on.
 *
 * @param episode null when no condition is in progress
 * @param unsentAlert the outbox key of the alert written with this state and not yet known to be sent, or null;
 *                    kept only by the silence condition, whose alerts no message's retry would find again
 */
public record LatestState(AlertState alert, Episode episode, long version, String unsentAlert) {

    public static final LatestState NONE = new LatestState(AlertState.INITIAL, null, 0);

    public LatestState(AlertState alert, Episode episode, long version) {
        this(alert, episode, version, null);
    }
}
