package org.wardwatch.functions.service;

import org.wardwatch.functions.core.BedParameterState;
import org.wardwatch.model.reading.Metric;

/**
 * A bed parameter's stored alert state and the version writes are conditioned on (0 before it was first written).
 */
public record BedParameter(String ward, String bed, Metric metric, BedParameterState state, long version) {

    public static BedParameter initial(String ward, String bed, Metric metric) {
        return new BedParameter(ward, bed, metric, BedParameterState.INITIAL, 0);
    }
}
