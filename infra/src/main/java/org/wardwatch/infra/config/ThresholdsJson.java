package org.wardwatch.infra.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Threshold overrides in the form the telemetry function reads from {@code WARDWATCH_THRESHOLDS}. */
public final class ThresholdsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ThresholdsJson() {
    }

    /**
     * The overrides as the function's {@code WARDWATCH_THRESHOLDS} JSON, metrics sorted and band fields in a fixed
     * order, so the template text never depends on map iteration order.
     */
    public static String of(Map<String, List<ThresholdBand>> thresholds) {
        StringBuilder json = new StringBuilder("{");
        boolean firstMetric = true;
        for (Map.Entry<String, List<ThresholdBand>> entry : new TreeMap<>(thresholds).entrySet()) {
            if (!firstMetric) {
                json.append(',');
            }
            firstMetric = false;
            json.append(quote(entry.getKey())).append(":[");
            boolean firstBand = true;
            for (ThresholdBand band : entry.getValue()) {
                if (!firstBand) {
                    json.append(',');
                }
                firstBand = false;
                json.append('{');
                if (band.min() != null) {
                    json.append("\"min\":").append(number(band.min())).append(',');
                }
                if (band.max() != null) {
                    json.append("\"max\":").append(number(band.max())).append(',');
                }
                json.append("\"severity\":").append(quote(band.severity().name())).append('}');
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
