package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;
import org.wardwatch.model.alert.AlarmDelay;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.reading.Metric;

/**
 * The {@code alarmDelays} block: vital sign to the fields it changes of {@link AlarmDelays#defaults()}, e.g.
 * {@code {"spo2": {"confirmSeconds": 20, "immediateAtOrBelow": 85}}}. Seconds are whole numbers from 0 to
 * {@value #MAX_SECONDS}; an immediate bound is a number (null removes the default one) and needs the metric to
 * have threshold bands in the tenant's table (it skips the delay into a worse band).
 */
final class AlarmDelaysSection {

    static final int MAX_SECONDS = 3600;
    private static final String SECONDS = "a whole number of seconds from 0 to " + MAX_SECONDS;

    private AlarmDelaysSection() {
    }

    static AlarmDelays read(JsonNode node, ThresholdTable thresholds, JsonFields fields) {
        AlarmDelays defaults = AlarmDelays.defaults();
        if (node == null) {
            return defaults;
        }
        Map<Metric, AlarmDelay> overrides = new EnumMap<>(Metric.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = "alarmDelays." + entry.getKey();
            Metric metric = Metric.fromCode(entry.getKey()).filter(m -> m.watch() == Metric.Watch.THRESHOLD_BANDS)
                    .orElse(null);
            if (metric == null) {
                fields.add(field + ": unknown vital sign (alarm delays apply to: " + vitalSigns() + ")");
                continue;
            }
            JsonNode delay = fields.object(node, "alarmDelays.", entry.getKey());
            if (delay != null) {
                AlarmDelay merged = delay(field, metric, delay, defaults.of(metric), thresholds, fields);
                if (merged != null) {
                    overrides.put(metric, merged);
                }
            }
        }
        return defaults.withOverrides(overrides);
    }

    private static AlarmDelay delay(String field, Metric metric, JsonNode node, AlarmDelay base,
                                    ThresholdTable thresholds, JsonFields fields) {
        String path = field + ".";
        fields.allowOnly(node, path, "confirmSeconds", "resolveSeconds", "immediateAtOrBelow", "immediateAtOrAbove");
        Integer confirm = fields.optionalWholeNumber(node, path, "confirmSeconds", 0, MAX_SECONDS, SECONDS);
        Integer resolve = fields.optionalWholeNumber(node, path, "resolveSeconds", 0, MAX_SECONDS, SECONDS);
        boolean valid = (confirm != null || !node.has("confirmSeconds"))
                && (resolve != null || !node.has("resolveSeconds"));
        BigDecimal atOrBelow = base.immediateAtOrBelow();
        BigDecimal atOrAbove = base.immediateAtOrAbove();
        for (String name : new String[] {"immediateAtOrBelow", "immediateAtOrAbove"}) {
            JsonNode value = node.get(name);
            if (value == null) {
                continue;
            }
            if (!value.isNull() && !value.isNumber()) {
                fields.add(path + name + ": must be a number (or null for none)");
                valid = false;
                continue;
            }
            if (!value.isNull() && thresholds.bandsOf(metric).isEmpty()) {
                fields.add(path + name + ": " + metric.code() + " has no threshold bands, so nothing to raise at once");
                valid = false;
                continue;
            }
            BigDecimal bound = value.isNull() ? null : value.decimalValue();
            if (name.equals("immediateAtOrBelow")) {
                atOrBelow = bound;
            } else {
                atOrAbove = bound;
            }
        }
        if (!valid) {
            return null;
        }
        return new AlarmDelay(confirm == null ? base.confirm() : Duration.ofSeconds(confirm),
                resolve == null ? base.resolve() : Duration.ofSeconds(resolve), atOrBelow, atOrAbove);
    }

    private static String vitalSigns() {
        return Arrays.stream(Metric.values()).filter(m -> m.watch() == Metric.Watch.THRESHOLD_BANDS)
                .map(Metric::code).collect(Collectors.joining(", "));
    }
}
