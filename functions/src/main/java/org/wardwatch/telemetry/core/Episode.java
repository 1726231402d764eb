package org.wardwatch.telemetry.core;

import java.time.Instant;

/**
 * A condition in progress on a device: a temperature excursion (with its lowest and highest temperature so far)
 * or a door held open.
 */
public record Episode(Instant start, double min, double max) {

    public static Episode startingWith(Instant start, double value) {
        return new Episode(start, value, value);
    }

    public Episode including(double value) {
        return new Episode(start, Math.min(min, value), Math.max(max, value));
    }
}
