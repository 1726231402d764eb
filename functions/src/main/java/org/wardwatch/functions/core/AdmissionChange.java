package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.reading.Metric;

/**
 * One entry of a bed's admission history, kept for the life of the tenant: what was done, by whom, when and why,
 * and the patient's settings before and after.
 *
 * @param by        the staff member who made the change; null where none was given (an admission on scale 1 without
 *                  overrides, a discharge, a transfer)
 * @param before    the settings before the change; null on an admission (or a transfer into the bed)
 * @param after     the settings after it; null on a discharge (or a transfer out of the bed)
 * @param otherWard the ward of the other bed of a transfer (where the patient went, or came from); else null
 * @param otherBed  the other bed of a transfer; else null
 */
public record AdmissionChange(String ward, String bed, String patientRef, Action action, String by, Instant at,
                              String reason, Settings before, Settings after, String otherWard, String otherBed) {

    /** What was done to the bed's admission. */
    public enum Action {
        ADMITTED, TRANSFERRED_OUT, TRANSFERRED_IN, DISCHARGED, SPO2_SCALE_CHANGED, OVERRIDES_CHANGED
    }

    /** The settings that are the patient's own. */
    public record Settings(int spo2Scale, Map<Metric, List<ThresholdBand>> overrides) {

        public Settings {
            overrides = Map.copyOf(overrides);
        }

        public static Settings of(Admission admission) {
            return new Settings(admission.spo2Scale(), admission.overrides());
        }
    }

    public AdmissionChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }
}
