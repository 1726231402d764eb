package org.wardwatch.model.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.wardwatch.model.reading.Metric;

/**
 * Each metric's {@link AlarmDelay}. Defaults (issue 13; docs/clinical-defaults.md, "Alarm delays and alarm
 * safety"): confirm 15 s for {@code spo2} and {@code heart_rate}, 0 for the others; resolve 60 s for the
 * continuously monitored signs ({@code spo2}, {@code heart_rate}, {@code respiratory_rate}, {@code systolic_bp}),
 * 0 for spot checks; at once: SpO2 at or below 85 %, heart rate at or below 40 or at or above 150 /min.
 */
public final class AlarmDelays {

    private final Map<Metric, AlarmDelay> delays;

    private AlarmDelays(Map<Metric, AlarmDelay> delays) {
        this.delays = Collections.unmodifiableMap(delays);
    }

    public static AlarmDelays defaults() {
        Map<Metric, AlarmDelay> delays = new EnumMap<>(Metric.class);
        Duration minute = Duration.ofSeconds(60);
        Duration confirm = Duration.ofSeconds(15);
        delays.put(Metric.SPO2, new AlarmDelay(confirm, minute, new BigDecimal("85"), null));
        delays.put(Metric.HEART_RATE, new AlarmDelay(confirm, minute, new BigDecimal("40"), new BigDecimal("150")));
        delays.put(Metric.RESPIRATORY_RATE, new AlarmDelay(Duration.ZERO, minute, null, null));
        delays.put(Metric.SYSTOLIC_BP, new AlarmDelay(Duration.ZERO, minute, null, null));
        return new AlarmDelays(delays);
    }

    /** The metric's delay; {@link AlarmDelay#NONE} where none is set. */
    public AlarmDelay of(Metric metric) {
        return delays.getOrDefault(metric, AlarmDelay.NONE);
    }

    /** Every metric that has a delay set, in metric order. */
    public Map<Metric, AlarmDelay> asMap() {
        return delays;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AlarmDelays d && delays.equals(d.delays);
    }

    @Override
    public int hashCode() {
        return delays.hashCode();
    }

    @Override
    public String toString() {
        return "AlarmDelays" + delays;
    }

    /** These delays with the given metrics' replaced. */
    public AlarmDelays withOverrides(Map<Metric, AlarmDelay> overrides) {
        Map<Metric, AlarmDelay> merged = new EnumMap<>(Metric.class);
        merged.putAll(delays);
        merged.putAll(overrides);
        return new AlarmDelays(merged);
    }
}
