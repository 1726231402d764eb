package org.wardwatch.functions.service;

import java.util.EnumMap;
import java.util.Map;
import org.wardwatch.functions.core.BedParameterState;
import java.util.Optional;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.model.reading.Metric;

/**
 * What a bed's readings are evaluated against, read with the device's snapshot: the admission, each parameter's
 * alert state and, on a ward that scores NEWS2, the bed's NEWS2 alert and nurse observations (null elsewhere).
 */
public record BedSnapshot(String ward, String bed, Optional<Admission> admission, Map<Metric, BedParameter> parameters,
                          News2Stored news2) {

    public BedSnapshot {
        parameters = Map.copyOf(parameters);
    }

    public BedSnapshot(String ward, String bed, Optional<Admission> admission, Map<Metric, BedParameter> parameters) {
        this(ward, bed, admission, parameters, null);
    }

    /** Each parameter's alert state, by metric (what a NEWS2 picture is drawn from). */
    public Map<Metric, BedParameterState> states() {
        Map<Metric, BedParameterState> states = new EnumMap<>(Metric.class);
        parameters.forEach((metric, p) -> states.put(metric, p.state()));
        return states;
    }

    public BedParameter parameter(Metric metric) {
        return parameters.getOrDefault(metric, BedParameter.initial(ward, bed, metric));
    }
}
