package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.reading.Metric;

/**
 * The {@code thresholds} block: metric to its full list of bands, e.g.
 * {@code {"spo2": [{"max": 89, "severity": "CRITICAL"}, {"min": 90, "max": 91, "severity": "WARNING"}]}}. A metric
 * listed replaces all its default bands. A value inside a band (bounds included, at the metric's precision) raises
 * that band's severity, so bounds have at most the metric's decimals and a metric's bands may not overlap.
 * {@code differential_pressure}'s bands are over the isolation margin (Pa the room holds in its isolation's
 * direction, {@link Metric#bandsCompare}), one table for negative and positive rooms alike.
 */
final class ThresholdsSection {

    private ThresholdsSection() {
    }

    static Map<Metric, List<ThresholdBand>> read(JsonNode node, JsonFields fields) {
        Map<Metric, List<ThresholdBand>> thresholds = new TreeMap<>();
        if (node == null) {
            return thresholds;
        }
        if (!node.isObject()) {
            fields.add("thresholds: must be an object of metric -> list of bands");
            return thresholds;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = "thresholds." + entry.getKey();
            Metric metric = Metric.fromCode(entry.getKey()).orElse(null);
            if (metric == null) {
                fields.add(field + ": unknown metric (metrics with threshold bands: " + banded() + ")");
                continue;
            }
            if (metric.watch() == Metric.Watch.DOOR_DELAY) {
                fields.add(field + ": takes no threshold bands");
                continue;
            }
            if (metric.watch() == Metric.Watch.STORAGE_PROFILE) {
                fields.add(field + ": storage temperatures are watched by the cold chain (storage profiles and "
                        + "excursion delays), not by threshold bands");
                continue;
            }
            JsonNode bands = entry.getValue();
            if (!bands.isArray() || bands.isEmpty()) {
                fields.add(field + ": must be a non-empty list of bands");
                continue;
            }
            List<ThresholdBand> list = new ArrayList<>();
            for (int i = 0; i < bands.size(); i++) {
                ThresholdBand band = band(field + "[" + i + "]", metric, bands.get(i), fields);
                if (band != null) {
                    list.add(band);
                }
            }
            if (list.size() == bands.size()) {
                checkOverlaps(field, list, fields);
                thresholds.put(metric, List.copyOf(list));
            }
        }
        return thresholds;
    }

    private static ThresholdBand band(String path, Metric metric, JsonNode band, JsonFields fields) {
        if (!band.isObject()) {
            fields.add(path + ": must be an object with min and/or max and severity");
            return null;
        }
        fields.allowOnly(band, path + ".", "min", "max", "severity");
        boolean boundsValid = true;
        BigDecimal min = null;
        BigDecimal max = null;
        if (band.has("min")) {
            min = bound(path + ".min", metric, band.get("min"), fields);
            boundsValid = min != null;
        }
        if (band.has("max")) {
            max = bound(path + ".max", metric, band.get("max"), fields);
            boundsValid &= max != null;
        }
        Severity severity = fields.alertSeverity(band, path + ".", "severity");
        if (!band.has("min") && !band.has("max")) {
            fields.add(path + ": needs min, max or both");
            return null;
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            fields.add(path + ": min " + min.toPlainString() + " is above max " + max.toPlainString());
            return null;
        }
        if (!boundsValid || severity == null) {
            return null;
        }
        return new ThresholdBand(min, max, severity);
    }

    private static BigDecimal bound(String field, Metric metric, JsonNode node, JsonFields fields) {
        if (!node.isNumber()) {
            fields.add(field + ": must be a number");
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.stripTrailingZeros().scale() > metric.precision()) {
            fields.add(field + ": " + metric.code() + " is compared at " + metric.precision()
                    + " decimal place(s), so " + value.toPlainString() + " cannot be a bound");
            return null;
        }
        return value;
    }

    private static void checkOverlaps(String field, List<ThresholdBand> bands, JsonFields fields) {
        for (int i = 0; i < bands.size(); i++) {
            for (int j = i + 1; j < bands.size(); j++) {
                if (bands.get(i).overlaps(bands.get(j))) {
                    fields.add(field + "[" + j + "]: overlaps " + field + "[" + i + "] (a value would be in both)");
                }
            }
        }
    }

    private static String banded() {
        return Arrays.stream(Metric.values()).filter(Metric::takesThresholdBands)
                .map(Metric::code).collect(Collectors.joining(", "));
    }
}
