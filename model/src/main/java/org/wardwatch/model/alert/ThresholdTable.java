package org.wardwatch.model.alert;

import static org.wardwatch.model.alert.Severity.CRITICAL;
import static org.wardwatch.model.alert.Severity.WARNING;
import static org.wardwatch.model.alert.ThresholdBand.above;
import static org.wardwatch.model.alert.ThresholdBand.aboveUpTo;
import static org.wardwatch.model.alert.ThresholdBand.atLeast;
import static org.wardwatch.model.alert.ThresholdBand.atMost;
import static org.wardwatch.model.alert.ThresholdBand.below;
import static org.wardwatch.model.alert.ThresholdBand.fromBelow;
import static org.wardwatch.model.alert.ThresholdBand.strictlyBetween;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wardwatch.model.alert.ThresholdBand.Side;
import org.wardwatch.model.reading.Metric;

/**
 * The alert bands of each metric. A value, as measured (no rounding), takes the severity of the band it falls in,
 * or {@link Severity#NONE}. Every band lies on the low or the high side of its metric's normal range
 * ({@link Metric#typical}); an override replaces the sides its bands are on and keeps the other.
 */
public final class ThresholdTable {

    private final Map<Metric, List<ThresholdBand>> bands;

    private ThresholdTable(Map<Metric, List<ThresholdBand>> bands) {
        this.bands = Collections.unmodifiableMap(bands);
    }

    /**
     * NEWS2 single-parameter bands (docs/clinical-defaults.md, "Vital signs: NEWS2"): band score 3 is CRITICAL, 2 is
     * WARNING, 1 and 0 raise nothing. SpO2 uses scale 1. NEWS2's columns are whole numbers (temperature tenths); a
     * value between two columns takes the more severe one, so SpO2 91.5 is CRITICAL and heart rate 130.5 too.
     * Glucose from the ADA levels (docs/clinical-defaults.md, "Glucose"): below 54 mg/dL CRITICAL, 54 to below 70
     * WARNING, above 250 to below 400 WARNING, 400 and above CRITICAL (wardwatch's choice, to review with the diabetes
     * team). Diastolic BP, storage temperature and doors have no threshold bands. And the room environment's
     * defaults (below).
     */
    public static ThresholdTable news2Defaults() {
        Map<Metric, List<ThresholdBand>> bands = new EnumMap<>(Metric.class);
        bands.put(Metric.RESPIRATORY_RATE, List.of(
                below("9", CRITICAL), aboveUpTo("20", "24", WARNING), above("24", CRITICAL)));
        bands.put(Metric.SPO2, List.of(below("92", CRITICAL), fromBelow("92", "94", WARNING)));
        bands.put(Metric.SYSTOLIC_BP, List.of(
                below("91", CRITICAL), fromBelow("91", "101", WARNING), above("219", CRITICAL)));
        bands.put(Metric.HEART_RATE, List.of(
                below("41", CRITICAL), aboveUpTo("110", "130", WARNING), above("130", CRITICAL)));
        bands.put(Metric.BODY_TEMPERATURE, List.of(below("35.1", CRITICAL), above("39.0", WARNING)));
        bands.put(Metric.GLUCOSE, List.of(below("54", CRITICAL), fromBelow("54", "70", WARNING),
                strictlyBetween("250", "400", WARNING), atLeast("400", CRITICAL)));
        roomEnvironment(bands);
        return new ThresholdTable(bands);
    }

    /**
     * Room air (docs/clinical-defaults.md, "Room environment"): temperature below 18 or above 28 Cel, humidity
     * below 20 or above 60 %, PM2.5 at or above 35 ug/m3 WARNING; CO2 at or above 1000 ppm WARNING, 2000 CRITICAL.
     * Pressure compares the isolation margin ({@link Metric#bandsCompare}): under 2.5 Pa WARNING, at or below 0 (air
     * flowing the wrong way) CRITICAL.
     */
    private static void roomEnvironment(Map<Metric, List<ThresholdBand>> bands) {
        bands.put(Metric.ROOM_TEMPERATURE, List.of(below("18", WARNING), above("28", WARNING)));
        bands.put(Metric.RELATIVE_HUMIDITY, List.of(below("20", WARNING), above("60", WARNING)));
        bands.put(Metric.CO2, List.of(fromBelow("1000", "2000", WARNING), atLeast("2000", CRITICAL)));
        bands.put(Metric.PM2_5, List.of(atLeast("35", WARNING)));
        bands.put(Metric.DIFFERENTIAL_PRESSURE, List.of(atMost("0.0", CRITICAL), strictlyBetween("0.0", "2.5",
                WARNING)));
    }

    /**
     * This table with SpO2's low side on NEWS2 scale 2 (docs/clinical-defaults.md, "Vital signs: NEWS2"; hypercapnic
     * respiratory failure, prescribed per patient): below 84 CRITICAL (score 3, at or below 83), 84 to below 86
     * WARNING (score 2, 84-85). Scale 2's high side scores only on oxygen (93 % and above), which needs the
     * patient's air-or-oxygen state: that is a later issue (NEWS2 scoring), so the high side is kept as it is.
     */
    public ThresholdTable withSpo2Scale2() {
        return withThresholdOverrides(Map.of(Metric.SPO2, ThresholdOverride.of(List.of(
                below("84", CRITICAL), fromBelow("84", "86", WARNING)))));
    }

    /** This table with each metric's given bands replacing its bands on the same side (see below). */
    public ThresholdTable withOverrides(Map<Metric, List<ThresholdBand>> overrides) {
        Map<Metric, ThresholdOverride> wrapped = new EnumMap<>(Metric.class);
        overrides.forEach((metric, list) -> wrapped.put(metric, ThresholdOverride.of(list)));
        return withThresholdOverrides(wrapped);
    }

    /**
     * This table with each override merged: the metric's bands on the sides the override's bands lie on, and on its
     * {@code clearSides}, are replaced; its other side is kept (a fever-only override keeps the hypothermia
     * CRITICAL). Whether an override may remove a CRITICAL band is {@link #refusals}' question, not this merge's:
     * check first. Throws IllegalArgumentException for an override {@link #refusals} calls malformed (a band
     * containing the typical value, a metric without bands).
     */
    public ThresholdTable withThresholdOverrides(Map<Metric, ThresholdOverride> overrides) {
        Map<Metric, List<ThresholdBand>> merged = new EnumMap<>(Metric.class);
        merged.putAll(bands);
        overrides.forEach((metric, override) -> {
            List<String> malformed = malformed(metric.code(), metric, override);
            if (!malformed.isEmpty()) {
                throw new IllegalArgumentException(malformed.get(0));
            }
            Set<Side> replaced = replacedSides(metric, override);
            List<ThresholdBand> list = new ArrayList<>(override.bands());
            for (ThresholdBand band : bandsOf(metric)) {
                if (!replaced.contains(side(metric, band))) {
                    list.add(band);
                }
            }
            list.sort(ThresholdBand::compareLowToHigh);
            merged.put(metric, List.copyOf(list));
        });
        return new ThresholdTable(merged);
    }

    /**
     * Why this table should not take {@code override} of {@code metric}, one line each starting with {@code field}
     * (e.g. {@code thresholds.body_temperature}); empty if it may. Used for the tenant's overrides over the defaults
     * and for a patient's over the tenant's table: a band containing the metric's typical value, a cleared side one
     * of its bands is on, a side that had a CRITICAL band left without one (unless {@code removesCritical} with a
     * reason), {@code removesCritical} without a reason.
     */
    public List<String> refusals(String field, Metric metric, ThresholdOverride override) {
        List<String> lines = malformed(field, metric, override);
        if (!lines.isEmpty()) {
            return lines;
        }
        if (override.removesCritical() && !override.hasReason()) {
            return List.of(field + ".reason: is required (a non-empty text) with removesCritical");
        }
        for (Side side : replacedSides(metric, override)) {
            List<ThresholdBand> lost = bandsOf(metric).stream()
                    .filter(b -> b.severity() == CRITICAL && side(metric, b) == side).toList();
            boolean kept = override.bands().stream()
                    .anyMatch(b -> b.severity() == CRITICAL && side(metric, b) == side);
            if (!lost.isEmpty() && !kept && !override.removesCritical()) {
                lines.add(field + ": leaves the " + side.code() + " side without its CRITICAL band ("
                        + String.join(", ", lost.stream().map(ThresholdBand::describe).toList())
                        + "); to mean it, write {\"bands\": [...], \"removesCritical\": true, \"reason\": \"...\"}");
            }
        }
        return lines;
    }

    private static List<String> malformed(String field, Metric metric, ThresholdOverride override) {
        List<String> lines = new ArrayList<>();
        if (metric.typical().isEmpty()) {
            lines.add(field + ": " + metric.code() + " takes no threshold bands");
            return lines;
        }
        BigDecimal typical = metric.typical().get();
        for (ThresholdBand band : override.bands()) {
            band.sideOf(typical).ifPresentOrElse(side -> {
                if (override.clearSides().contains(side)) {
                    lines.add(field + ": clears the " + side.code() + " side, yet " + band.describe() + " is on it");
                }
            }, () -> lines.add(field + ": " + band.describe() + " contains the typical " + metric.code() + " "
                    + typical.toPlainString() + " (a band lies below or above the normal range)"));
        }
        return lines;
    }

    private static Set<Side> replacedSides(Metric metric, ThresholdOverride override) {
        Set<Side> sides = EnumSet.noneOf(Side.class);
        sides.addAll(override.clearSides());
        override.bands().forEach(b -> sides.add(side(metric, b)));
        return sides;
    }

    private static Side side(Metric metric, ThresholdBand band) {
        return band.sideOf(metric.typical().orElseThrow()).orElseThrow();
    }

    public Severity classify(Metric metric, double value) {
        List<ThresholdBand> list = bands.get(metric);
        if (list == null || list.isEmpty()) {
            return Severity.NONE;
        }
        BigDecimal measured = BigDecimal.valueOf(value);
        for (ThresholdBand band : list) {
            if (band.contains(measured)) {
                return band.severity();
            }
        }
        return Severity.NONE;
    }

    /**
     * The table as staff read it, one line a metric that has bands, low to high, e.g.
     * {@code spo2 (%): < 92 CRITICAL, 92..<94 WARNING}; a value in no band raises nothing.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            List<ThresholdBand> list = bandsOf(metric);
            if (!list.isEmpty()) {
                String unit = metric == Metric.DIFFERENTIAL_PRESSURE ? "Pa, isolation margin" : metric.canonicalUnit();
                lines.add(metric.code() + " (" + unit + "): " + String.join(", ",
                        list.stream().map(ThresholdBand::describe).toList()));
            }
        }
        return lines;
    }

    public List<ThresholdBand> bandsOf(Metric metric) {
        return bands.getOrDefault(metric, List.of());
    }

    /** The value as messages show it: half-up to the metric's precision (display only; alerts compare as measured). */
    public static BigDecimal round(Metric metric, double value) {
        return BigDecimal.valueOf(value).setScale(metric.precision(), RoundingMode.HALF_UP);
    }
}
