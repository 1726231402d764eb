package org.wardwatch.model.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a bed parameter's condition must hold, in device time, before its alert changes (alarm delay and
 * hysteresis, docs/clinical-defaults.md, "Alarm delays and alarm safety"), and the extreme values that change it at
 * once whatever the delay.
 *
 * @param confirm            a worse band opens or escalates the alert once it has held this long: its first reading
 *                           and a later reading still in it at least this long after, with nothing milder between
 * @param resolve            a milder band downgrades or resolves the alert once it has held this long
 * @param immediateAtOrBelow a value at or below this opens or escalates at once; null for none
 * @param immediateAtOrAbove a value at or above this opens or escalates at once; null for none
 */
public record AlarmDelay(Duration confirm, Duration resolve, BigDecimal immediateAtOrBelow,
                         BigDecimal immediateAtOrAbove) {

    /** No delay and no extremes: every reading decides (spot checks). */
    public static final AlarmDelay NONE = new AlarmDelay(Duration.ZERO, Duration.ZERO, null, null);

    public AlarmDelay {
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(resolve, "resolve");
        if (confirm.isNegative() || resolve.isNegative()) {
            throw new IllegalArgumentException("delays cannot be negative");
        }
    }

    /** Whether {@code value}, as measured (no rounding), is extreme enough to skip the confirmation delay. */
    public boolean immediate(double value) {
        BigDecimal v = BigDecimal.valueOf(value);
        return (immediateAtOrBelow != null && v.compareTo(immediateAtOrBelow) <= 0)
                || (immediateAtOrAbove != null && v.compareTo(immediateAtOrAbove) >= 0);
    }
}
