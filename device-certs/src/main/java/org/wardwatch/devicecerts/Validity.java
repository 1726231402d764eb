package org.wardwatch.devicecerts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When a certificate is valid. */
public record Validity(Instant notBefore, Instant notAfter) {

    /** Back-dating absorbs small clock differences between the issuing machine and devices or AWS. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public Validity {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
    }

    /** Valid from a few minutes ago for the given number of days. */
    public static Validity days(int days) {
        if (days < 1) {
            throw new InvalidDeviceException("--days must be at least 1");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new Validity(now.minus(CLOCK_SKEW), now.plus(Duration.ofDays(days)));
    }
}
