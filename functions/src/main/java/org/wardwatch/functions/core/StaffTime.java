package org.wardwatch.functions.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as staff read them in a text: the tenant's local time with its zone's short name, {@code 14:05 GMT} in a
 * London winter and {@code 15:05 BST} in its summer, {@code CET}/{@code CEST} in Berlin, {@code UTC} for UTC.
 * Machine-readable fields stay ISO-8601 UTC instants; only the words staff read are local.
 */
public final class StaffTime {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss zzz", Locale.ENGLISH);
    private static final ZoneId UTC = ZoneId.of("UTC");

    private StaffTime() {
    }

    /** {@code 15:05 BST}. */
    public static String clock(Instant at, ZoneId zone) {
        return CLOCK.format(at.atZone(named(zone)));
    }

    /** {@code 15:05 BST} on the local day of {@code now}, {@code 24 Nov 22:10 GMT} on another. */
    public static String clockSince(Instant at, Instant now, ZoneId zone) {
        ZonedDateTime local = at.atZone(named(zone));
        boolean sameDay = local.toLocalDate().equals(now.atZone(named(zone)).toLocalDate());
        return (sameDay ? CLOCK : DAY_AND_CLOCK).format(local);
    }

    /** {@code 25 Nov 2026 10:15:00 GMT}, for an e-mail body; {@code unknown} for no time. */
    public static String full(Instant at, ZoneId zone) {
        return at == null ? "unknown" : FULL.format(at.atZone(named(zone)));
    }

    /** The offset zone UTC would read {@code Z}: it reads {@code UTC}. */
    private static ZoneId named(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? UTC : zone;
    }
}
