package org.wardwatch.model.news2;

/**
 * What a NEWS2 score is computed from: each parameter's value, null when missing.
 *
 * @param respirationRate breaths per minute
 * @param spo2            percent
 * @param oxygen          true on supplemental oxygen, false on air
 * @param systolicBp      mmHg
 * @param pulse           beats per minute
 * @param consciousness   ACVPU
 * @param temperature     degrees Celsius
 * @param spo2Scale       1, or 2 where a clinician prescribed it
 */
public record News2Inputs(Double respirationRate, Double spo2, Boolean oxygen, Double systolicBp, Double pulse,
                          Consciousness consciousness, Double temperature, int spo2Scale) {

    public News2Inputs {
        if (spo2Scale != 1 && spo2Scale != 2) {
            throw new IllegalArgumentException("spo2Scale must be 1 or 2");
        }
    }
}
