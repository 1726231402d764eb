package org.wardwatch.staffapi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The list parameters of the devices, storage and audit endpoints, read as the ward view reads its own: {@code limit}
 * 1-100 (default 50), an opaque {@code next} cursor (base64url of a key this API gave), times as ISO-8601 instants
 * with an offset. Each malformed one is 400 naming the parameter, never its value.
 */
final class Paging {

    static final int LIMIT_DEFAULT = 50;
    static final int LIMIT_MAX = 100;
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");

    private Paging() {
    }

    static int limit(String limit) {
        if (limit == null) {
            return LIMIT_DEFAULT;
        }
        int n = LIMIT.matcher(limit).matches() ? Integer.parseInt(limit) : 0;
        if (n < 1 || n > LIMIT_MAX) {
            throw new ProblemException(400, "limit must be a whole number from 1 to " + LIMIT_MAX);
        }
        return n;
    }

    /** The key a cursor carries, if it has the form {@code form}; else 400. */
    static String cursor(String next, Pattern form) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8);
            if (form.matcher(key).matches()) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new ProblemException(400, "next must be the cursor a previous page gave");
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An ISO-8601 instant with its offset ({@code 2026-11-20T10:00:00Z}, {@code 2026-11-20T10:00:00+01:00}); null
     * when absent. A {@code +} sent unencoded in a query reaches us as a space, which is read back as {@code +}.
     */
    static Instant time(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, name + " must be an ISO-8601 time with its offset, e.g. "
                    + "2026-11-20T10:00:00Z");
        }
    }

    /** A {@code [from, to)} window asked for with {@code from} and {@code to}. */
    record Window(Instant from, Instant to) {
    }

    /**
     * The window of the {@code from} and {@code to} parameters: {@code to} defaults to {@code end}, {@code from} to
     * {@code span} before {@code to}; from must be before to, and they may be at most {@code max} apart
     * ({@code maxText} says it in the refusal, e.g. {@code 24 hours}).
     */
    static Window window(String from, String to, Instant end, Duration span, Duration max, String maxText) {
        Instant until = time("to", to);
        Instant since = time("from", from);
        until = until != null ? until : end;
        since = since != null ? since : until.minus(span);
        if (!since.isBefore(until)) {
            throw new ProblemException(400, "from must be before to");
        }
        if (Duration.between(since, until).compareTo(max) > 0) {
            throw new ProblemException(400, "from and to may be at most " + maxText + " apart");
        }
        return new Window(since, until);
    }
}
