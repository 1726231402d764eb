package org.wardwatch.model.tenant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A time written into a sort key: UTC to the millisecond, always 24 characters ({@code 2026-11-20T10:00:00.000Z}),
 * so that keys sort as their times do. {@link Instant#toString()} does not: it leaves out zero fractions, and
 * {@code 10:00:00Z} sorts after {@code 10:00:00.5Z}. Used by the alert records' ward history and the audit table.
 */
public final class SortableTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SortableTime() {
    }

    public static String format(Instant at) {
        return FORMAT.format(at);
    }
}
