package org.wardwatch.model.news2;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.model.reading.Metric;

/**
 * The seven parameters of NEWS2, in the order of the RCP chart. Five are measured by devices ({@link #metric()});
 * air or oxygen and consciousness are nurse observations.
 */
public enum News2Parameter {
    RESPIRATION_RATE("respiration_rate", "RR", Metric.RESPIRATORY_RATE),
    SPO2("spo2", "SpO2", Metric.SPO2),
    AIR_OR_OXYGEN("air_or_oxygen", "O2", null),
    SYSTOLIC_BP("systolic_bp", "SBP", Metric.SYSTOLIC_BP),
    PULSE("pulse", "HR", Metric.HEART_RATE),
    CONSCIOUSNESS("consciousness", "ACVPU", null),
    TEMPERATURE("temperature", "Temp", Metric.BODY_TEMPERATURE);

    /** The metrics NEWS2 scores: on a {@code news2} ward they page only through the bed's NEWS2 alert. */
    public static final Set<Metric> METRICS;

    static {
        EnumSet<Metric> metrics = EnumSet.noneOf(Metric.class);
        Arrays.stream(values()).map(News2Parameter::metric).filter(m -> m != null).forEach(metrics::add);
        METRICS = Collections.unmodifiableSet(metrics);
    }

    private final String code;
    private final String shortLabel;
    private final Metric metric;

    News2Parameter(String code, String shortLabel, Metric metric) {
        this.code = code;
        this.shortLabel = shortLabel;
        this.metric = metric;
    }

    /** The name in documents and replay lines, e.g. {@code respiration_rate}. */
    public String code() {
        return code;
    }

    /** The label in a text message, e.g. {@code RR}. */
    public String shortLabel() {
        return shortLabel;
    }

    /** The metric a device measures it as; null for a nurse observation. */
    public Metric metric() {
        return metric;
    }

    public boolean observed() {
        return metric == null;
    }

    public static Optional<News2Parameter> of(Metric metric) {
        return Arrays.stream(values()).filter(p -> p.metric == metric && metric != null).findFirst();
    }
}
