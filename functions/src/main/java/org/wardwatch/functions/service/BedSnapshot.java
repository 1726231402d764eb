package org.wardwatch.functions.service;

import java.util.Map;
import java.util.Optional;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.model.reading.Metric;

/**
 * What a bed's readings are evaluated against, read with the device's snapshot: the admission and each parameter's
 * alert state.
 */
public record BedSnapshot(String ward, String bed, Optional<Admission> admission, Map<Metric, BedParameter> parameters) {

    public BedSnapshot {
        parameters = Map.copyOf(parameters);
    }

    public BedParameter parameter(Metric metric) {
        return parameters.getOrDefault(metric, BedParameter.initial(ward, bed, metric));
    }
}
