package org.wardwatch.functions.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.news2.Consciousness;
import org.wardwatch.model.news2.News2Inputs;
import org.wardwatch.model.news2.News2Parameter;
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

    /** Among fresh sources: the best rank, then the newest, then by thing name, so that a picture is drawn alike. */
    private static final Comparator<SourceValue> BEST_FRESH = Comparator
            .<SourceValue>comparingInt(s -> s.kind().sourceRank())
            .thenComparing(SourceValue::deviceTime, Comparator.reverseOrder())
            .thenComparing(SourceValue::thingName);

    /** With no fresh source: the newest, then the best rank, then by thing name. */
    private static final Comparator<SourceValue> NEWEST = Comparator
            .comparing(SourceValue::deviceTime, Comparator.<Instant>reverseOrder())
            .thenComparingInt(s -> s.kind().sourceRank())
            .thenComparing(SourceValue::thingName);

    public News2Picture {
        values = List.copyOf(values);
    }

    /**
     * @param parameters each measured NEWS2 parameter's bed state (absent ones have no value)
     * @param t          the evaluation's time: values after it do not count either
     */
    public static News2Picture at(Instant t, Map<Metric, BedParameterState> parameters, NurseObservations observed,
                                  int spo2Scale, News2Settings settings) {
        Map<News2Parameter, News2Value> used = new EnumMap<>(News2Parameter.class);
        for (News2Parameter p : News2Parameter.values()) {
            if (p.metric() != null) {
                BedParameterState state = parameters.get(p.metric());
                Optional<SourceValue> chosen = state == null ? Optional.empty() : counting(state.sources(), t, settings);
                chosen.ifPresent(s -> used.put(p, new News2Value(p, s.value(),
                        ThresholdTable.round(p.metric(), s.value()).toPlainString(), s.thingName(), s.deviceTime())));
            }
        }
        Instant validFrom = t.minus(settings.observationValid());
        if (observed.oxygen() != null && within(observed.oxygenAt(), validFrom, t)) {
            used.put(News2Parameter.AIR_OR_OXYGEN, new News2Value(News2Parameter.AIR_OR_OXYGEN,
                    observed.oxygen() ? 1 : 0, observed.oxygen() ? "oxygen" : "air", observed.oxygenBy(),
                    observed.oxygenAt()));
        }
        Consciousness acvpu = observed.consciousness() != null
                && within(observed.consciousnessAt(), validFrom, t) ? observed.consciousness() : null;
        if (acvpu != null) {
            used.put(News2Parameter.CONSCIOUSNESS, new News2Value(News2Parameter.CONSCIOUSNESS, acvpu.ordinal(),
                    acvpu.code(), observed.consciousnessBy(), observed.consciousnessAt()));
        }
        News2Value oxygen = used.get(News2Parameter.AIR_OR_OXYGEN);
        News2Inputs inputs = new News2Inputs(number(used, News2Parameter.RESPIRATION_RATE),
                number(used, News2Parameter.SPO2), oxygen == null ? null : oxygen.value() == 1,
                number(used, News2Parameter.SYSTOLIC_BP), number(used, News2Parameter.PULSE), acvpu,
                number(used, News2Parameter.TEMPERATURE), spo2Scale);
        return new News2Picture(inputs, new ArrayList<>(used.values()));
    }

    /** The value that counts among a parameter's sources at {@code t}, if any is in the window. */
    static Optional<SourceValue> counting(List<SourceValue> sources, Instant t, News2Settings settings) {
        Instant windowFrom = t.minus(settings.window());
        List<SourceValue> inWindow = sources.stream().filter(s -> within(s.deviceTime(), windowFrom, t)).toList();
        if (inWindow.stream().anyMatch(s -> !s.kind().consumerGrade())) {
            inWindow = inWindow.stream().filter(s -> !s.kind().consumerGrade()).toList();
        }
        Instant freshFrom = t.minus(BedAlert.SOURCE_FRESH);
        Optional<SourceValue> fresh = inWindow.stream().filter(s -> !s.deviceTime().isBefore(freshFrom))
                .min(BEST_FRESH);
        return fresh.isPresent() ? fresh : inWindow.stream().min(NEWEST);
    }

    private static boolean within(Instant time, Instant from, Instant to) {
        return time != null && !time.isBefore(from) && !time.isAfter(to);
    }

    private static Double number(Map<News2Parameter, News2Value> used, News2Parameter p) {
        News2Value v = used.get(p);
        return v == null ? null : v.value();
    }
}
