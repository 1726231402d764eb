package org.wardwatch.fhir;

import java.util.Optional;
import org.wardwatch.model.reading.Metric;

/**
 * The FHIR R4 profile an exported reading claims in {@code meta.profile}: the vital-signs profile of its metric
 * (HL7 FHIR R4, "Vital Signs"; docs/fhir.md), with the LOINC code and UCUM unit it fixes, which are the metric's own
 * (model {@link Metric}). Blood pressure is one panel (85354-9) with the systolic and diastolic readings as
 * components. Glucose has no vital-signs profile of its own: it claims the generic one.
 */
public enum VitalSignsProfile {
    HEART_RATE("heartrate", Metric.HEART_RATE),
    RESPIRATORY_RATE("resprate", Metric.RESPIRATORY_RATE),
    OXYGEN_SATURATION("oxygensat", Metric.SPO2),
    BODY_TEMPERATURE("bodytemp", Metric.BODY_TEMPERATURE),
    BLOOD_PRESSURE("bp", null),
    GLUCOSE("vitalsigns", Metric.GLUCOSE);

    /** The blood pressure panel's LOINC code. */
    public static final String BLOOD_PRESSURE_PANEL = "85354-9";
    /** Capillary blood glucose by glucometer: what a bedside glucose meter measures. */
    public static final String CAPILLARY_GLUCOSE = "41653-7";
    static final String BASE = "http://hl7.org/fhir/StructureDefinition/";

    private final String id;
    private final Metric metric;

    VitalSignsProfile(String id, Metric metric) {
        this.id = id;
        this.metric = metric;
    }

    /** The canonical URL, e.g. {@code http://hl7.org/fhir/StructureDefinition/heartrate}. */
    public String url() {
        return BASE + id;
    }

    /** The metric exported under this profile; null for the blood pressure panel (two metrics). */
    public Metric metric() {
        return metric;
    }

    /** The profile of a single metric's reading; empty for one not exported alone (blood pressures, rooms, storage). */
    public static Optional<VitalSignsProfile> of(Metric metric) {
        for (VitalSignsProfile p : values()) {
            if (p.metric == metric) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
