package org.wardwatch.model.alert;

import java.math.BigDecimal;

/**
 * A closed range of a metric's values, at the metric's precision, that raises an alert of the given severity.
 * A null bound is open: {@code max 91} alone means "91 or lower".
 */
public record ThresholdBand(BigDecimal min, BigDecimal max, Severity severity) {

    public ThresholdBand {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a band needs min, max or both");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
        if (severity == null || !severity.isAlert()) {
            throw new IllegalArgumentException("severity must be WARNING or CRITICAL");
        }
    }

    public static ThresholdBand atMost(String max, Severity severity) {
        return new ThresholdBand(null, new BigDecimal(max), severity);
    }

    public static ThresholdBand atLeast(String min, Severity severity) {
        return new ThresholdBand(new BigDecimal(min), null, severity);
    }

    public static ThresholdBand between(String min, String max, Severity severity) {
        return new ThresholdBand(new BigDecimal(min), new BigDecimal(max), severity);
    }

    /** e.g. {@code <= 91 CRITICAL}, {@code 92..93 WARNING}, {@code >= 131 CRITICAL}. */
    public String describe() {
        String range = min == null ? "<= " + max.toPlainString()
                : max == null ? ">= " + min.toPlainString() : min.toPlainString() + ".." + max.toPlainString();
        return range + " " + severity;
    }

    public boolean contains(BigDecimal value) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    public boolean overlaps(ThresholdBand other) {
        boolean thisBelowOther = max != null && other.min != null && max.compareTo(other.min) < 0;
        boolean otherBelowThis = other.max != null && min != null && other.max.compareTo(min) < 0;
        return !thisBelowOther && !otherBelowThis;
    }
}
