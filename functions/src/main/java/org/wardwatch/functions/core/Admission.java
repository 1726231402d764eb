package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.reading.Metric;

/**
 * The patient admitted to a bed: an opaque reference (never a name or a hospital number) and the settings that
 * are the patient's own (functions/README.md, "Admissions").
 *
 * @param patientRef opaque admission reference, e.g. {@code adm-0003}
 * @param admittedAt when the patient was admitted to this bed (a transfer admits to the new bed)
 * @param spo2Scale  NEWS2 SpO2 scale, 1 or 2 (2 only with who prescribed it and when)
 * @param spo2ScaleBy who prescribed scale 2; null for scale 1
 * @param spo2ScaleAt when scale 2 was prescribed; null for scale 1
 * @param overrides  the patient's own threshold bands, merged over the tenant's like a tenant override
 */
public record Admission(String ward, String bed, String patientRef, Instant admittedAt, int spo2Scale,
                        String spo2ScaleBy, Instant spo2ScaleAt, Map<Metric, List<ThresholdBand>> overrides) {

    public Admission {
        Objects.requireNonNull(patientRef, "patientRef");
        if (spo2Scale != 1 && spo2Scale != 2) {
            throw new IllegalArgumentException("spo2Scale must be 1 or 2");
        }
        overrides = Map.copyOf(overrides);
    }
}
