package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.alert.ThresholdBand.Bound;
import org.wardwatch.model.alert.ThresholdBand.Side;
import org.wardwatch.model.alert.ThresholdOverride;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.reading.Metric;

/**
 * The {@code thresholds} block (and a patient's overrides, {@link ThresholdOverridesReader}): metric to its bands,
 * e.g. {@code {"spo2": [{"below": 88, "severity": "CRITICAL"}, {"min": 88, "below": 90, "severity": "WARNING"}]}},
 * or to {@code {"bands": [...], "clearSides": ["high"], "removesCritical": true, "reason": "..."}}. A band has at
 * most one lower bound ({@code min} inclusive or {@code above} exclusive) and one upper ({@code max} or
 * {@code below}), at most the metric's decimals; a metric's bands may not overlap, and none may contain the
 * metric's typical value. The listed bands replace the base table's bands on their side(s) of the normal range;
 * leaving a side without the CRITICAL band it had takes {@code removesCritical} and a reason
 * ({@link ThresholdTable#refusals}). {@code differential_pressure}'s bands are over the isolation margin (Pa the
 * room holds in its isolation's direction, {@link Metric#bandsCompare}), one table for negative and positive rooms.
 */
final class ThresholdsSection {

    private ThresholdsSection() {
    }

    static Map<Metric, ThresholdOverride> read(JsonNode node, JsonFields fields) {
        return read(node, "thresholds", ThresholdTable.news2Defaults(), fields);
    }

    /** The block at {@code path}, checked against {@code base}, the table it will be merged over. */
    static Map<Metric, ThresholdOverride> read(JsonNode node, String path, ThresholdTable base, JsonFields fields) {
        Map<Metric, ThresholdOverride> thresholds = new TreeMap<>();
        if (node == null) {
            return thresholds;
        }
        if (!node.isObject()) {
            fields.add(path + ": must be an object of metric -> list of bands");
            return thresholds;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = path + "." + entry.getKey();
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
            ThresholdOverride override = override(field, metric, entry.getValue(), fields);
            if (override != null) {
                List<String> refusals = base.refusals(field, metric, override);
                refusals.forEach(fields::add);
                if (refusals.isEmpty()) {
                    thresholds.put(metric, override);
                }
            }
        }
        return thresholds;
    }

    private static ThresholdOverride override(String field, Metric metric, JsonNode value, JsonFields fields) {
        if (value.isArray()) {
            if (value.isEmpty()) {
                fields.add(field + ": must be a non-empty list of bands");
                return null;
            }
            List<ThresholdBand> bands = bands(field, metric, value, fields);
            return bands == null ? null : ThresholdOverride.of(bands);
        }
        if (!value.isObject()) {
            fields.add(field + ": must be a non-empty list of bands, or an object with bands and/or clearSides");
            return null;
        }
        fields.allowOnly(value, field + ".", "bands", "clearSides", "removesCritical", "reason");
        List<ThresholdBand> bands = List.of();
        JsonNode bandsNode = value.get("bands");
        if (bandsNode != null && !bandsNode.isArray()) {
            fields.add(field + ".bands: must be a list of bands");
            return null;
        }
        if (bandsNode != null) {
            bands = bands(field + ".bands", metric, bandsNode, fields);
        }
        Set<Side> clearSides = clearSides(field + ".clearSides", value.get("clearSides"), fields);
        JsonNode removes = value.get("removesCritical");
        if (removes != null && !removes.isBoolean()) {
            fields.add(field + ".removesCritical: must be true or false");
            return null;
        }
        String reason = fields.optionalText(value, field + ".", "reason");
        if (bands == null || clearSides == null) {
            return null;
        }
        if (bands.isEmpty() && clearSides.isEmpty()) {
            fields.add(field + ": needs bands, clearSides or both");
            return null;
        }
        return new ThresholdOverride(bands, clearSides, removes != null && removes.asBoolean(), reason);
    }

    private static Set<Side> clearSides(String field, JsonNode node, JsonFields fields) {
        Set<Side> sides = EnumSet.noneOf(Side.class);
        if (node == null) {
            return sides;
        }
        if (!node.isArray()) {
            fields.add(field + ": must be a list of low and/or high");
            return null;
        }
        for (JsonNode side : node) {
            if (side.isTextual() && ("low".equals(side.asText()) || "high".equals(side.asText()))) {
                sides.add(Side.valueOf(side.asText().toUpperCase(java.util.Locale.ROOT)));
            } else {
                fields.add(field + ": must be a list of low and/or high");
                return null;
            }
        }
        return sides;
    }

    /** The bands, or null if any is invalid (each problem reported). */
    private static List<ThresholdBand> bands(String field, Metric metric, JsonNode bands, JsonFields fields) {
        List<ThresholdBand> list = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            ThresholdBand band = band(field + "[" + i + "]", metric, bands.get(i), fields);
            if (band != null) {
                list.add(band);
            }
        }
        if (list.size() != bands.size()) {
            return null;
        }
        boolean overlapping = false;
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                if (list.get(i).overlaps(list.get(j))) {
                    fields.add(field + "[" + j + "]: overlaps " + field + "[" + i + "] (a value would be in both)");
                    overlapping = true;
                }
            }
        }
        return overlapping ? null : List.copyOf(list);
    }

    private static ThresholdBand band(String path, Metric metric, JsonNode band, JsonFields fields) {
        if (!band.isObject()) {
            fields.add(path + ": must be an object with min or above, max or below, and severity");
            return null;
        }
        fields.allowOnly(band, path + ".", "min", "above", "max", "below", "severity");
        Named lower = bound(path, metric, band, "min", "above", fields);
        Named upper = bound(path, metric, band, "max", "below", fields);
        Severity severity = fields.alertSeverity(band, path + ".", "severity");
        if (lower == Named.INVALID || upper == Named.INVALID || severity == null) {
            return null;
        }
        if (lower == null && upper == null) {
            fields.add(path + ": needs min or above, max or below, or both");
            return null;
        }
        if (lower != null && upper != null && ThresholdBand.isEmpty(lower.bound, upper.bound)) {
            String l = lower.name + " " + lower.bound.value().toPlainString();
            String u = upper.name + " " + upper.bound.value().toPlainString();
            fields.add(path + ": " + (lower.bound.value().compareTo(upper.bound.value()) > 0
                    ? l + " is above " + u : l + " and " + u + " leave no value in the band"));
            return null;
        }
        return new ThresholdBand(lower == null ? null : lower.bound, upper == null ? null : upper.bound, severity);
    }

    /** A bound and the field it came from; {@link #INVALID} when a problem was reported. */
    private record Named(String name, Bound bound) {
        static final Named INVALID = new Named(null, null);
    }

    private static Named bound(String path, Metric metric, JsonNode band, String inclusive, String exclusive,
                               JsonFields fields) {
        if (band.has(inclusive) && band.has(exclusive)) {
            fields.add(path + ": has both " + inclusive + " and " + exclusive + " (one of them, at most)");
            return Named.INVALID;
        }
        String name = band.has(inclusive) ? inclusive : band.has(exclusive) ? exclusive : null;
        if (name == null) {
            return null;
        }
        BigDecimal value = number(path + "." + name, metric, band.get(name), fields);
        return value == null ? Named.INVALID : new Named(name, new Bound(value, name.equals(inclusive)));
    }

    private static BigDecimal number(String field, Metric metric, JsonNode node, JsonFields fields) {
        if (!node.isNumber()) {
            fields.add(field + ": must be a number");
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.stripTrailingZeros().scale() > metric.precision()) {
            fields.add(field + ": " + metric.code() + " bounds have at most " + metric.precision()
                    + " decimal place(s), as its values are shown, so " + value.toPlainString()
                    + " cannot be a bound (above or below gives an exclusive one)");
            return null;
        }
        return value;
    }

    private static String banded() {
        return Arrays.stream(Metric.values()).filter(Metric::takesThresholdBands)
                .map(Metric::code).collect(Collectors.joining(", "));
    }
}
