package org.wardwatch.model.alert;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A range of a metric's values, compared as measured (no rounding), that raises an alert of the given severity.
 * Each bound is inclusive ({@code min}, {@code max}) or exclusive ({@code above}, {@code below}); a null bound is
 * open: {@code below 92} alone means "anything under 92", {@code min 92, below 94} means 92 up to but not 94, so
 * neighbouring bands leave no gap for a value such as 91.999.
 */
public record ThresholdBand(Bound lower, Bound upper, Severity severity) {

    /** One end of a band: its value and whether a reading equal to it is inside. */
    public record Bound(BigDecimal value, boolean inclusive) {
        public Bound {
            if (value == null) {
                throw new IllegalArgumentException("a bound needs a value");
            }
        }
    }

    /** Where a band lies against its metric's normal range ({@link org.wardwatch.model.reading.Metric#typical}). */
    public enum Side {
        LOW, HIGH;

        /** As the tenant file spells it: {@code low}, {@code high}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ThresholdBand {
        if (lower == null && upper == null) {
            throw new IllegalArgumentException("a band needs a lower bound, an upper bound or both");
        }
        if (lower != null && upper != null && isEmpty(lower, upper)) {
            throw new IllegalArgumentException("the band " + describe(lower, upper) + " holds no value");
        }
        if (severity == null || !severity.isAlert()) {
            throw new IllegalArgumentException("severity must be WARNING or CRITICAL");
        }
    }

    /** Whether no value lies between the bounds (e.g. {@code min 95, max 90}, or {@code above 90, max 90}). */
    public static boolean isEmpty(Bound lower, Bound upper) {
        int c = lower.value().compareTo(upper.value());
        return c > 0 || c == 0 && !(lower.inclusive() && upper.inclusive());
    }

    public static ThresholdBand atMost(String max, Severity severity) {
        return new ThresholdBand(null, new Bound(new BigDecimal(max), true), severity);
    }

    public static ThresholdBand below(String below, Severity severity) {
        return new ThresholdBand(null, new Bound(new BigDecimal(below), false), severity);
    }

    public static ThresholdBand atLeast(String min, Severity severity) {
        return new ThresholdBand(new Bound(new BigDecimal(min), true), null, severity);
    }

    public static ThresholdBand above(String above, Severity severity) {
        return new ThresholdBand(new Bound(new BigDecimal(above), false), null, severity);
    }

    /** {@code min..max}, both included. */
    public static ThresholdBand between(String min, String max, Severity severity) {
        return new ThresholdBand(new Bound(new BigDecimal(min), true), new Bound(new BigDecimal(max), true), severity);
    }

    /** {@code min..<below}: min included, below not. */
    public static ThresholdBand fromBelow(String min, String below, Severity severity) {
        return new ThresholdBand(new Bound(new BigDecimal(min), true), new Bound(new BigDecimal(below), false),
                severity);
    }

    /** {@code >above..max}: above not included, max included. */
    public static ThresholdBand aboveUpTo(String above, String max, Severity severity) {
        return new ThresholdBand(new Bound(new BigDecimal(above), false), new Bound(new BigDecimal(max), true),
                severity);
    }

    /** {@code >above..<below}: neither bound included. */
    public static ThresholdBand strictlyBetween(String above, String below, Severity severity) {
        return new ThresholdBand(new Bound(new BigDecimal(above), false), new Bound(new BigDecimal(below), false),
                severity);
    }

    /**
     * e.g. {@code < 92 CRITICAL}, {@code 92..<94 WARNING}, {@code >110..130 WARNING}, {@code > 130 CRITICAL},
     * {@code <= 0.0 CRITICAL}, {@code >= 400 CRITICAL}: {@code <} and {@code >} leave the number out, {@code <=},
     * {@code >=} and a bare number keep it in.
     */
    public String describe() {
        return describe(lower, upper) + " " + severity;
    }

    private static String describe(Bound lower, Bound upper) {
        if (lower == null) {
            return (upper.inclusive() ? "<= " : "< ") + upper.value().toPlainString();
        }
        if (upper == null) {
            return (lower.inclusive() ? ">= " : "> ") + lower.value().toPlainString();
        }
        return (lower.inclusive() ? "" : ">") + lower.value().toPlainString() + ".."
                + (upper.inclusive() ? "" : "<") + upper.value().toPlainString();
    }

    public boolean contains(BigDecimal value) {
        return (lower == null || (lower.inclusive() ? value.compareTo(lower.value()) >= 0
                : value.compareTo(lower.value()) > 0))
                && (upper == null || (upper.inclusive() ? value.compareTo(upper.value()) <= 0
                : value.compareTo(upper.value()) < 0));
    }

    /** Whether some value is inside both bands. */
    public boolean overlaps(ThresholdBand other) {
        return !endsBefore(upper, other.lower) && !endsBefore(other.upper, lower);
    }

    /** Whether every value under {@code upper} lies below every value over {@code lower}. */
    private static boolean endsBefore(Bound upper, Bound lower) {
        return upper != null && lower != null && isEmpty(lower, upper);
    }

    /**
     * The side of the normal range the band lies on, for a metric whose typical value is {@code typical}; empty if
     * the band contains it (a band that would alert on a normal reading).
     */
    public Optional<Side> sideOf(BigDecimal typical) {
        if (contains(typical)) {
            return Optional.empty();
        }
        return Optional.of(upper != null && !new ThresholdBand(null, upper, severity).contains(typical)
                ? Side.LOW : Side.HIGH);
    }

    /** Orders bands from low to high (bands of a table do not overlap, so their lower ends order them). */
    static int compareLowToHigh(ThresholdBand a, ThresholdBand b) {
        if (a.lower == null || b.lower == null) {
            return a.lower == null ? (b.lower == null ? 0 : -1) : 1;
        }
        int c = a.lower.value().compareTo(b.lower.value());
        return c != 0 ? c : Boolean.compare(!a.lower.inclusive(), !b.lower.inclusive());
    }
}
