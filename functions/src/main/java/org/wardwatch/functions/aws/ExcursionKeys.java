package org.wardwatch.functions.aws;

import java.time.Instant;

/** The time part of an excursion's sort key, as the telemetry function writes it. */
public final class ExcursionKeys {

    private ExcursionKeys() {
    }

    public static String of(Instant start) {
        return Keys.time(start);
    }
}
