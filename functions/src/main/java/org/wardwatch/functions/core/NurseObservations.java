package org.wardwatch.functions.core;

import java.time.Instant;
import org.wardwatch.model.news2.Consciousness;

/**
 * A bed's latest nurse observations that NEWS2 scores (functions/README.md, "NEWS2"): consciousness and air or
 * oxygen, each with when and by whom it was entered; null where none was entered for the current admission.
 */
public record NurseObservations(Consciousness consciousness, Instant consciousnessAt, String consciousnessBy,
                                Boolean oxygen, Instant oxygenAt, String oxygenBy) {

    public static final NurseObservations NONE = new NurseObservations(null, null, null, null, null, null);
}
