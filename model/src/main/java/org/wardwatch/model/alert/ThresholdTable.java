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
     * NEWS2 single-parameter bands (shared/REFERENCE.md, "Vital signs: NEWS2"): band score 3 is CRITICAL, 2 is
     * WARNING, 1 and 0 raise nothing. SpO2 uses scale 1. Glucose from the ADA levels (REFERENCE.md, "Glucose"):
     * below 54 mg/dL CRITICAL, 54 to below 70 WARNING, above 250 WARNING. Diastolic BP, storage temperature and
     * doors have no threshold bands.
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
        return new ThresholdTable(bands);
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
                lines.add(metric.code() + " (" + metric.canonicalUnit() + "): " + String.join(", ",
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
