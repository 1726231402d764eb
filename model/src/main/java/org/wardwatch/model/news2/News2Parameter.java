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
    RESPIRATION_RATE("respiration_rate", "RR", Metric.RESPIRATORY_RATE, "1104301000000104"),
    /** Its SNOMED code is the scale 1 sub-score's; scale 2's is not confirmed (docs/fhir.md). */
    SPO2("spo2", "SpO2", Metric.SPO2, "1104311000000102"),
    AIR_OR_OXYGEN("air_or_oxygen", "O2", null, "1104331000000105"),
    SYSTOLIC_BP("systolic_bp", "SBP", Metric.SYSTOLIC_BP, "1104341000000101"),
    PULSE("pulse", "HR", Metric.HEART_RATE, "1104351000000103"),
    CONSCIOUSNESS("consciousness", "ACVPU", null, "1104361000000100"),
    TEMPERATURE("temperature", "Temp", Metric.BODY_TEMPERATURE, "1104371000000107");

    /** SNOMED CT UK: Royal College of Physicians NEWS2 total score (docs/fhir.md, as NHS guides use it). */
    public static final String TOTAL_SCORE_SNOMED = "1104051000000101";

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
    private final String subScoreSnomed;

    News2Parameter(String code, String shortLabel, Metric metric, String subScoreSnomed) {
        this.code = code;
        this.shortLabel = shortLabel;
        this.metric = metric;
        this.subScoreSnomed = subScoreSnomed;
    }

    /**
     * The SNOMED CT UK code of this parameter's sub-score (docs/fhir.md); for SpO2 the scale 1 sub-score's, and
     * none on scale 2, whose code is not confirmed.
     */
    public java.util.Optional<String> subScoreSnomed(int spo2Scale) {
        return this == SPO2 && spo2Scale == 2 ? java.util.Optional.empty() : java.util.Optional.of(subScoreSnomed);
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
