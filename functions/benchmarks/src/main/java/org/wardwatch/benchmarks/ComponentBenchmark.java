package org.wardwatch.benchmarks;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wardwatch.functions.core.AlertLifecycle;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.AlertState;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.core.BedAlert;
import org.wardwatch.functions.core.BedParameterState;
import org.wardwatch.functions.core.ColdChain;
import org.wardwatch.model.coldchain.ColdChainSettings;
import org.wardwatch.functions.core.Decoding;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.functions.core.Episode;
import org.wardwatch.functions.core.Excursion;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.functions.core.PayloadDecoder;
import org.wardwatch.functions.core.SourceValue;
import org.wardwatch.model.alert.AlarmDelay;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.functions.core.Transition;
import org.wardwatch.functions.service.AlertRenderer;
import org.wardwatch.functions.service.OutgoingAlert;
import org.wardwatch.functions.core.News2Notification;
import org.wardwatch.functions.core.News2Picture;
import org.wardwatch.functions.service.BedSnapshot;
import org.wardwatch.model.news2.Consciousness;
import org.wardwatch.model.news2.News2;
import org.wardwatch.model.news2.News2Inputs;
import org.wardwatch.model.news2.News2Score;
import org.wardwatch.model.tenant.News2Settings;

/** The hot path's parts on their own, to see which of them the per-message figures come from. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ComponentBenchmark {

    private static final Supplier<String> NO_NEW_ALERT = () -> {
        throw new AssertionError("no alert opens here");
    };

    private final PayloadDecoder decoder = new PayloadDecoder();
    private final ThresholdTable thresholds = ThresholdTable.news2Defaults();
    private final StorageProfile fridge = StorageProfile.defaults().get("vaccine_fridge");
    private final AlertRenderer renderer = new AlertRenderer(java.time.ZoneId.of("Europe/London"));
    private final Instant time = Messages.DEVICE_TIME;
    private final AlertState quiet = new AlertState(Severity.NONE, null, null, time.minusSeconds(60));
    /** A fridge 20 minutes into an excursion, its WARNING already published. */
    private final AlertState warned = new AlertState(Severity.WARNING, "Q4M2X7A", time.minusSeconds(300),
            time.minusSeconds(60));
    private final Episode excursion = new Episode(time.minusSeconds(1200), 8.3, 8.9);

    /** A bed whose heart rate WARNING is open, fed by a pulse oximeter and a BP monitor. */
    private final BedParameterState bedWarned = new BedParameterState(Severity.WARNING, "H5R2B7K",
            time.minusSeconds(300), time.minusSeconds(315), null, time.minusSeconds(315), null, time.minusSeconds(60),
            List.of(new SourceValue(Messages.OXIMETER, DeviceKind.PULSE_OXIMETER, 118, time.minusSeconds(60)),
                    new SourceValue("icu3-bed4-bp", DeviceKind.BP_MONITOR, 121, time.minusSeconds(120))));
    private final SourceValue oximeterHeartRate = new SourceValue(Messages.OXIMETER, DeviceKind.PULSE_OXIMETER, 119,
            time);
    private final AlarmDelay heartRateDelay = AlarmDelays.defaults().of(Metric.HEART_RATE);

    private final AlertNotification thresholdOpened = new AlertNotification(Messages.TENANT,
            AlertNotification.THRESHOLD, new AlertTransition(Transition.OPENED, "XSP6RPK", Severity.CRITICAL,
            Severity.NONE, time, time), Messages.OXIMETER, DeviceKind.PULSE_OXIMETER, "ICU-3", "4", Metric.SPO2, 88,
            "icu3-bed4-spo2-000124", null);
    private final AlertNotification coldChainResolved = new AlertNotification(Messages.TENANT,
            AlertNotification.COLD_CHAIN, new AlertTransition(Transition.RESOLVED, "Q4M2X7A", Severity.NONE,
            Severity.WARNING, time.minusSeconds(300), time), Messages.FRIDGE, DeviceKind.STORAGE_SENSOR, "Pharmacy",
            null, Metric.STORAGE_TEMPERATURE, 7.4, "pharm-fridge-1-000124",
            new AlertNotification.ColdChainDetail(fridge, time.minusSeconds(1200),
                    new Excursion(time.minusSeconds(1200), time, 8.3, 8.9, Severity.WARNING, "Q4M2X7A",
                            "vaccine_fridge")));

    /** The bed after SpO2 91 and heart rate 115 from its oximeter: scored 5 from its seven parameters. */
    private News2Notification news2Opened() {
        Map<Metric, BedParameterState> raised = new EnumMap<>(news2BedStates);
        raised.put(Metric.SPO2, withOximeter(raised.get(Metric.SPO2), 91));
        raised.put(Metric.HEART_RATE, withOximeter(raised.get(Metric.HEART_RATE), 115));
        News2Picture picture = News2Picture.at(time, raised, news2Bed.news2().observations(), 1,
                News2Settings.DEFAULTS);
        News2Score score = News2.score(picture.inputs());
        return new News2Notification(Messages.TENANT, new AlertTransition(Transition.OPENED, "N7W2K4Q",
                Severity.WARNING, Severity.NONE, time, time), Messages.NEWS2_WARD, "7", "adm-90311", score,
                picture.values(), Messages.NEWS2_OXIMETER, "amu1-bed7-spo2-000124");
    }

    private BedParameterState withOximeter(BedParameterState state, double value) {
        List<SourceValue> sources = new java.util.ArrayList<>(state.sources().stream()
                .filter(s -> !s.thingName().equals(Messages.NEWS2_OXIMETER)).toList());
        sources.add(new SourceValue(Messages.NEWS2_OXIMETER, DeviceKind.PULSE_OXIMETER, value, time));
        return new BedParameterState(state.severity(), state.alertId(), state.openedAt(), state.atLeastWarningSince(),
                state.atLeastCriticalSince(), state.atMostWarningSince(), state.normalSince(), time, sources);
    }

    /** The example: RR 22, SpO2 93 on air, systolic 98, pulse 115, alert, 37.2 C: 8, emergency response. */
    private final News2Inputs news2Deteriorating = new News2Inputs(22.0, 93.0, false, 98.0, 115.0,
            Consciousness.ALERT, 37.2, 1);
    /** AMU-1 bed 7's parameters as stored ({@link Messages#news2Bed()}), all quiet and in the window. */
    private final BedSnapshot news2Bed = Messages.news2Bed();
    private final Map<Metric, BedParameterState> news2BedStates = news2Bed.parameters().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().state(), (a, b) -> a,
                    () -> new EnumMap<>(Metric.class)));
    private final News2Notification news2Opened = news2Opened();

    @Benchmark
    public Decoding decode2Readings() {
        return decoder.decode(Messages.TWO_READINGS);
    }

    @Benchmark
    public Decoding decodeTruncatedJson() {
        return decoder.decode(Messages.TRUNCATED);
    }

    /** One SpO2 reading against its NEWS2 bands, then the alert state machine: nothing changes. */
    @Benchmark
    public AlertLifecycle.Step classifyAndEvaluate() {
        return AlertLifecycle.evaluate(quiet, thresholds.classify(Metric.SPO2, 97), time, NO_NEW_ALERT);
    }

    /** The oximeter's heart rate at a two-source bed, still WARNING: counted, the alert unchanged. */
    @Benchmark
    public BedAlert.Step bedAlertStillWarning() {
        return BedAlert.evaluate(bedWarned, oximeterHeartRate, Severity.WARNING, heartRateDelay, NO_NEW_ALERT);
    }

    /**
     * The bands of a patient on SpO2 scale 2 with a heart rate override of their own, built from the tenant's
     * table: what TelemetryService.bandsOf does for each of such a patient's readings.
     */
    @Benchmark
    public ThresholdTable patientBandsScale2WithOverride() {
        return thresholds.withSpo2Scale2().withOverrides(Messages.ADMITTED_SCALE_2.overrides());
    }

    @Benchmark
    public ColdChain.Step coldChainInRange() {
        return ColdChain.temperature(quiet, null, time, 4.6, fridge, ColdChainSettings.DEFAULTS, NO_NEW_ALERT);
    }

    /** Still out of range during an alerted excursion: the excursion record is rewritten. */
    @Benchmark
    public ColdChain.Step coldChainExcursionContinues() {
        return ColdChain.temperature(warned, excursion, time, 9.1, fridge, ColdChainSettings.DEFAULTS, NO_NEW_ALERT);
    }

    @Benchmark
    public OutgoingAlert renderThresholdOpened() {
        return renderer.render(thresholdOpened, "M#icu3-bed4-spo2-000124#N#spo2");
    }

    /** {@code News2.score} of fixed inputs, all seven present. */
    @Benchmark
    public News2Score news2Score() {
        return News2.score(news2Deteriorating);
    }

    /**
     * {@code News2Picture.at}: the value that counts of each of a bed's five measured parameters (one or two
     * sources each) and its nurse observations, at the message's time.
     */
    @Benchmark
    public News2Picture news2Picture() {
        return News2Picture.at(time, news2BedStates, news2Bed.news2().observations(), 1, News2Settings.DEFAULTS);
    }

    /** A bed's NEWS2 WARNING opening at 5, the values it was scored from listed (the e-mail) and summed (the SMS). */
    @Benchmark
    public OutgoingAlert renderNews2Opened() {
        return renderer.render(news2Opened, "M#amu1-bed7-spo2-000124#N#news2");
    }

    @Benchmark
    public OutgoingAlert renderColdChainResolved() {
        return renderer.render(coldChainResolved, "M#pharm-fridge-1-000124#N#storage_temperature");
    }
}
