package org.wardwatch.model.alert;

import static org.wardwatch.model.alert.Severity.CRITICAL;
import static org.wardwatch.model.alert.Severity.WARNING;
import static org.wardwatch.model.alert.ThresholdBand.atLeast;
import static org.wardwatch.model.alert.ThresholdBand.atMost;
import static org.wardwatch.model.alert.ThresholdBand.between;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.model.reading.Metric;

/**
 * The alert bands of each metric. A value is rounded half-up to its metric's precision, then takes the
 * severity of the band it falls in, or {@link Severity#NONE}.
 */
public final class ThresholdTable {

    private final Map<Metric, List<ThresholdBand>> bands;

    private ThresholdTable(Map<Metric, List<ThresholdBand>> bands) {
        this.bands = Collections.unmodifiableMap(bands);
    }

    /**
     * NEWS2 single-parameter bands (docs/clinical-defaults.md, "Vital signs: NEWS2"): band score 3 is CRITICAL, 2 is
     * WARNING, 1 and 0 raise nothing. SpO2 uses scale 1. Glucose from the ADA levels (docs/clinical-defaults.md, "Glucose"):
     * below 54 mg/dL CRITICAL, 54 to below 70 WARNING, above 250 WARNING. Diastolic BP, storage temperature and
     * doors have no threshold bands. And the room environment's defaults (below).
     */
    public static ThresholdTable news2Defaults() {
        Map<Metric, List<ThresholdBand>> bands = new EnumMap<>(Metric.class);
        bands.put(Metric.RESPIRATORY_RATE, List.of(
                atMost("8", CRITICAL), between("21", "24", WARNING), atLeast("25", CRITICAL)));
        bands.put(Metric.SPO2, List.of(atMost("91", CRITICAL), between("92", "93", WARNING)));
        bands.put(Metric.SYSTOLIC_BP, List.of(
                atMost("90", CRITICAL), between("91", "100", WARNING), atLeast("220", CRITICAL)));
        bands.put(Metric.HEART_RATE, List.of(
                atMost("40", CRITICAL), between("111", "130", WARNING), atLeast("131", CRITICAL)));
        bands.put(Metric.BODY_TEMPERATURE, List.of(atMost("35.0", CRITICAL), atLeast("39.1", WARNING)));
        bands.put(Metric.GLUCOSE, List.of(
                atMost("53", CRITICAL), between("54", "69", WARNING), atLeast("251", WARNING)));
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
        bands.put(Metric.ROOM_TEMPERATURE, List.of(atMost("17.9", WARNING), atLeast("28.1", WARNING)));
        bands.put(Metric.RELATIVE_HUMIDITY, List.of(atMost("19", WARNING), atLeast("61", WARNING)));
        bands.put(Metric.CO2, List.of(between("1000", "1999", WARNING), atLeast("2000", CRITICAL)));
        bands.put(Metric.PM2_5, List.of(atLeast("35", WARNING)));
        bands.put(Metric.DIFFERENTIAL_PRESSURE, List.of(atMost("0.0", CRITICAL), between("0.1", "2.4", WARNING)));
    }

    /** This table with the given metrics' bands replaced (an empty list switches a metric's alerts off). */
    public ThresholdTable withOverrides(Map<Metric, List<ThresholdBand>> overrides) {
        Map<Metric, List<ThresholdBand>> merged = new EnumMap<>(Metric.class);
        merged.putAll(bands);
        overrides.forEach((metric, list) -> merged.put(metric, List.copyOf(list)));
        return new ThresholdTable(merged);
    }

    public Severity classify(Metric metric, double value) {
        List<ThresholdBand> list = bands.get(metric);
        if (list == null || list.isEmpty()) {
            return Severity.NONE;
        }
        BigDecimal rounded = round(metric, value);
        for (ThresholdBand band : list) {
            if (band.contains(rounded)) {
                return band.severity();
            }
        }
        return Severity.NONE;
    }

    /**
     * The table as staff read it, one line a metric that has bands, e.g.
     * {@code spo2 (%): <= 91 CRITICAL, 92..93 WARNING}; a value in no band raises nothing.
     */
    public List<String> describe() {
        List<String> lines = new java.util.ArrayList<>();
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

    /** The value as alerts compare it: half-up to the metric's precision. */
    public static BigDecimal round(Metric metric, double value) {
        return BigDecimal.valueOf(value).setScale(metric.precision(), RoundingMode.HALF_UP);
    }
}
