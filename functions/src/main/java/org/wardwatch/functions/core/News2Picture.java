package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.wardwatch.model.news2.News2Inputs;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.tenant.News2Settings;

/**
 * What a bed's NEWS2 is scored from at one time: per device-measured parameter the value that counts (the
 * highest-ranked source with a value within {@link BedAlert#SOURCE_FRESH}, else the freshest within the window;
 * consumer-grade sources only where no medical one has a value in the window), the nurse observations still
 * valid, and the patient's SpO2 scale.
 *
 * @param values the values used, in the order of {@link org.wardwatch.model.news2.News2Parameter}
 */
public record News2Picture(News2Inputs inputs, List<News2Value> values) {

    public News2Picture {
        values = List.copyOf(values);
    }

    /**
     * @param parameters each measured NEWS2 parameter's bed state (absent ones have no value)
     * @param t          the evaluation's time: values after it do not count either
     */
    public static News2Picture at(Instant t, Map<Metric, BedParameterState> parameters, NurseObservations observed,
                                  int spo2Scale, News2Settings settings) {
        throw new UnsupportedOperationException("contract: implemented in issue 14");
    }
}
