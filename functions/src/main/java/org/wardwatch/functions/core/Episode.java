package org.wardwatch.functions.core;

import java.time.Instant;

/**
 * A condition in progress on a device: a temperature excursion (with its lowest and highest temperature so far),
 * a door held open, or a room's air out of its bands.
 *
 * @param criticalSince a room condition's only: since when its readings have been CRITICAL without a milder one
 *                      between; null otherwise
 */
public record Episode(Instant start, double min, double max, Instant criticalSince) {

    public Episode(Instant start, double min, double max) {
        this(start, min, max, null);
    }

    public static Episode startingWith(Instant start, double value) {
        return new Episode(start, value, value);
    }

    public Episode including(double value) {
        return new Episode(start, Math.min(min, value), Math.max(max, value), criticalSince);
    }
}
