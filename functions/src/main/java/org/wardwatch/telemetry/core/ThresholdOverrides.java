package org.wardwatch.telemetry.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a tenant's threshold overrides: a JSON object from metric to its full list of bands, e.g.
 * {@code {"spo2": [{"max": 89, "severity": "CRITICAL"}, {"min": 90, "max": 91, "severity": "WARNING"}]}}.
 * A metric listed replaces all its default bands. Errors name the field, so a bad configuration is fixed at once.
 */
public final class ThresholdOverrides {

    private ThresholdOverrides() {
    }

    public static Map<Metric, List<ThresholdBand>> parse(String source, String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigurationException(source + ": not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigurationException(source + ": must be a JSON object from metric to bands");
        }
        Map<Metric, List<ThresholdBand>> result = new EnumMap<>(Metric.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = source + "." + entry.getKey();
            Metric metric = Metric.fromCode(entry.getKey()).orElseThrow(() ->
                    new InvalidConfigurationException(field + ": unknown metric"));
            if (metric.isBoolean()) {
                throw new InvalidConfigurationException(field + ": takes no threshold bands");
            }
            if (metric == Metric.STORAGE_TEMPERATURE) {
                throw new InvalidConfigurationException(field + ": storage temperatures are watched by the cold "
                        + "chain (storage profiles and excursion delays), not by threshold bands");
            }
            if (!entry.getValue().isArray()) {
                throw new InvalidConfigurationException(field + ": must be an array of bands");
            }
            List<ThresholdBand> bands = new ArrayList<>();
            for (int i = 0; i < entry.getValue().size(); i++) {
                bands.add(band(field + "[" + i + "]", metric, entry.getValue().get(i)));
            }
            for (int i = 0; i < bands.size(); i++) {
                for (int j = i + 1; j < bands.size(); j++) {
                    if (bands.get(i).overlaps(bands.get(j))) {
                        throw new InvalidConfigurationException(field + "[" + j + "]: overlaps " + field + "[" + i + "]");
                    }
                }
            }
            result.put(metric, bands);
        }
        return result;
    }

    private static ThresholdBand band(String field, Metric metric, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidConfigurationException(field + ": must be an object with min, max and severity");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("min", "max", "severity").contains(name)) {
                throw new InvalidConfigurationException(field + "." + name + ": unknown field (min, max, severity)");
            }
        }
        BigDecimal min = bound(field + ".min", metric, node.get("min"));
        BigDecimal max = bound(field + ".max", metric, node.get("max"));
        if (min == null && max == null) {
            throw new InvalidConfigurationException(field + ": needs min, max or both");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new InvalidConfigurationException(field + ": min is above max");
        }
        JsonNode severity = node.get("severity");
        if (severity == null || !severity.isTextual()
                || !(severity.textValue().equals("WARNING") || severity.textValue().equals("CRITICAL"))) {
            throw new InvalidConfigurationException(field + ".severity: must be WARNING or CRITICAL");
        }
        return new ThresholdBand(min, max, Severity.valueOf(severity.textValue()));
    }

    private static BigDecimal bound(String field, Metric metric, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new InvalidConfigurationException(field + ": must be a number");
        }
        BigDecimal value = node.decimalValue();
        if (value.stripTrailingZeros().scale() > metric.precision()) {
            throw new InvalidConfigurationException(field + ": " + metric.code() + " is compared at "
                    + metric.precision() + " decimal place(s)");
        }
        return value;
    }
}
