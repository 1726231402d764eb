package org.wardwatch.telemetry.service;

import org.wardwatch.telemetry.core.AlertState;

/** The stored latest reading's alert state of a device and metric, with the version writes are conditioned on. */
public record LatestState(AlertState alert, long version) {

    public static final LatestState NONE = new LatestState(AlertState.INITIAL, 0);
}
