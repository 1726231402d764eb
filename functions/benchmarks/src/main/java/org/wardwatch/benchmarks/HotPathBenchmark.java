package org.wardwatch.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AlertIds;
import org.wardwatch.functions.core.AlertLifecycle;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.BedAlert;
import org.wardwatch.functions.core.BedParameterState;
import org.wardwatch.functions.core.ColdChain;
import org.wardwatch.functions.core.DecodedMessage;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.DeviceAlert;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.MessageValidator;
import org.wardwatch.functions.core.News2Alert;
import org.wardwatch.functions.core.NoSignal;
import org.wardwatch.functions.core.Reading;
import org.wardwatch.functions.core.SourceValue;
import org.wardwatch.functions.core.Validation;
import org.wardwatch.functions.service.AlertRenderer;
import org.wardwatch.functions.service.BedParameter;
import org.wardwatch.functions.service.BedSnapshot;
import org.wardwatch.functions.service.LatestState;
import org.wardwatch.functions.service.News2Planner;
import org.wardwatch.functions.service.OutgoingAlert;
import org.wardwatch.functions.service.StateAdvance;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.coldchain.ColdChainSettings;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.device.Isolation;
import org.wardwatch.model.device.Placement;
import org.wardwatch.model.news2.News2;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.news2.News2Score;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.tenant.News2Settings;
import org.wardwatch.model.tenant.VitalsPolicy;

/**
 * One device message through everything the telemetry function does between receiving the bytes and talking to
 * DynamoDB: decode, validate against the registry (an in-memory map here), then what TelemetryService.process
 * plans from the stored state it read: a bed device's vital signs in the bands of the bed's patient and through the
 * bed's alert ({@link BedAlert}), its no-signal condition ({@link NoSignal}) and battery level, a fridge's readings
 * through the cold-chain machines; on a ward that scores NEWS2, the bed's score after its parameters and through its
 * NEWS2 alert ({@link News2Alert}); and the notification of any transition, rendered. The stored states are the
 * fixtures' ({@link Messages}: quiet, last evaluated a minute earlier). One operation is one message, so ops/s is
 * messages per second on one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class HotPathBenchmark {

    /** What one message planned: the state writes and the alerts it would send. */
    public record Outcome(Validation validation, Device stored, List<StateAdvance> advances,
                          List<OutgoingAlert> alerts, News2Planner.Scored news2) {
    }

    private final MessageValidator validator = Messages.validator();
    private final ThresholdTable thresholds = ThresholdTable.news2Defaults();
    private final AlarmDelays alarmDelays = AlarmDelays.defaults();
    private final Map<String, StorageProfile> profiles = StorageProfile.defaults();
    private final AlertRenderer renderer = new AlertRenderer(java.time.ZoneId.of("Europe/London"));
    private final Duration maxReadingAge = Duration.ofMinutes(60);
    private final Function<String, VitalsPolicy> vitals = Messages::vitalsOf;
    private final News2Settings news2Settings = News2Settings.DEFAULTS;
    private final News2Planner news2Planner = new News2Planner(Messages.TENANT, vitals, news2Settings, renderer);

    private final Envelope thermometer = Messages.envelope(Messages.THERMOMETER);
    private final Envelope oximeter = Messages.envelope(Messages.OXIMETER);
    private final Envelope cardiacMonitor = Messages.envelope(Messages.CARDIAC_MONITOR);
    private final Envelope fridge = Messages.envelope(Messages.FRIDGE);
    private final Envelope unregistered = Messages.envelope(Messages.UNREGISTERED);
    private final Envelope news2Oximeter = Messages.envelope(Messages.NEWS2_OXIMETER);

    private final BedSnapshot bed4 = Messages.bed4(Messages.ADMITTED);
    private final BedSnapshot bed4Scale2 = Messages.bed4(Messages.ADMITTED_SCALE_2);
    private final BedSnapshot bed5 = Messages.bed5();
    private final BedSnapshot news2Bed = Messages.news2Bed();

    @Benchmark
    public Outcome message1Reading() {
        return process(thermometer, Messages.ONE_READING, bed4);
    }

    @Benchmark
    public Outcome message2Readings() {
        return process(oximeter, Messages.TWO_READINGS, bed4);
    }

    /**
     * The same oximeter at a bed whose patient is on SpO2 scale 2 with an override of their own: the patient's
     * table is built for each reading, as the service builds it.
     */
    @Benchmark
    public Outcome message2ReadingsScale2Patient() {
        return process(oximeter, Messages.TWO_READINGS_SCALE_2, bed4Scale2);
    }

    /**
     * {@link #message2Readings()}'s values at a bed of a ward that scores NEWS2: SpO2 and heart rate are evaluated
     * at the bed in no band (they page only through NEWS2), then the bed is scored from its five measured parameters
     * and the nurse's observations, still 0: the NEWS2 state advances, no transition.
     */
    @Benchmark
    public Outcome message2ReadingsNews2Ward() {
        return process(news2Oximeter, Messages.NEWS2_TWO_READINGS, news2Bed);
    }

    /** SpO2 91 and heart rate 115 raise the same bed's NEWS2 from 0 to 5: its WARNING opens and is rendered. */
    @Benchmark
    public Outcome message2ReadingsNews2WardOpeningAlert() {
        return process(news2Oximeter, Messages.NEWS2_TWO_READINGS_RAISING, news2Bed);
    }

    @Benchmark
    public Outcome message4Readings() {
        return process(cardiacMonitor, Messages.FOUR_READINGS, bed5);
    }

    /** SpO2 85 % opens a CRITICAL alert at once: adds the alert id (SHA-256) and rendering the notification. */
    @Benchmark
    public Outcome message2ReadingsOpeningAlert() {
        return process(oximeter, Messages.TWO_READINGS_ALERTING, bed4);
    }

    /** A fridge's temperature and door, through the cold-chain state machines. */
    @Benchmark
    public Outcome storageMessage() {
        return process(fridge, Messages.STORAGE_READING, null);
    }

    @Benchmark
    public Outcome rejectedTruncatedJson() {
        return process(oximeter, Messages.TRUNCATED, bed4);
    }

    /** Well-formed, decoded in full, then refused: the device is not in the registry. */
    @Benchmark
    public Outcome rejectedUnknownDevice() {
        return process(unregistered, Messages.TWO_READINGS, bed4);
    }

    /**
     * What TelemetryService.process plans for a message without its store and publisher; {@code bed} is the bed's
     * admission and parameters as the snapshot read them (null for a device at no bed), and every device state
     * (battery, no signal, a fridge's metrics) is {@link Messages#QUIET}, stored at version 1.
     */
    Outcome process(Envelope envelope, byte[] payload, BedSnapshot bed) {
        Validation validation = validator.validate(envelope, payload);
        if (!(validation instanceof Validation.Accepted accepted)) {
            return new Outcome(validation, null, List.of(), List.of(), null);
        }
        DecodedMessage message = accepted.message();
        Device device = accepted.device();
        boolean bedDevice = device.kind().placement() == Placement.BED;
        boolean atBed = bedDevice && device.ward() != null && device.bed() != null;
        boolean signalCarried = accepted.readings().stream().anyMatch(r -> r.noSignal()
                || r.metric() == Metric.SPO2 || r.metric() == Metric.HEART_RATE);
        boolean noSignal = accepted.readings().stream().anyMatch(HotPathBenchmark::noSignal);
        boolean stale = Duration.between(message.deviceTime(), envelope.receivedAt()).compareTo(maxReadingAge) > 0;
        boolean scoresNews2 = atBed && news2Planner.scores(device.ward())
                && accepted.readings().stream().anyMatch(r -> News2Parameter.METRICS.contains(r.metric()));
        List<StateAdvance> advances = new ArrayList<>();
        for (Reading reading : accepted.readings()) {
            if (stale) {
                continue;
            }
            boolean vitalSign = reading.metric().watch() == Metric.Watch.THRESHOLD_BANDS;
            if (bedDevice && !atBed && vitalSign) {
                continue; // a device at no bed watches no patient
            }
            if (atBed && vitalSign) {
                if (!noSignal(reading)) {
                    planBed(device, message, reading, bed, bed.parameter(reading.metric())).ifPresent(advances::add);
                }
                continue;
            }
            advances.add(planReading(device, message, reading));
        }
        if (message.battery() != null) {
            planBattery(device, message).ifPresent(advances::add);
        }
        if (signalCarried && !stale) {
            planNoSignal(device, message, noSignal).ifPresent(advances::add);
        }
        // the readings are stored as the admitted patient's
        Device stored = bed == null ? device
                : device.withPatientRef(bed.admission().map(Admission::patientRef).orElse(null));
        // after the parameters are written, the bed is scored with their new states (TelemetryService, News2Planner)
        News2Planner.Scored news2 = scoresNews2 && !stale ? scoreNews2(device, message, bed, advances) : null;
        List<OutgoingAlert> alerts = new ArrayList<>();
        advances.forEach(a -> a.alert().ifPresent(alerts::add));
        if (news2 != null) {
            news2.alert().ifPresent(alerts::add);
        }
        return new Outcome(accepted, stored, advances, alerts, news2);
    }

    private static boolean noSignal(Reading reading) {
        return NoSignal.isNoSignal(reading.metric(), reading.value(), reading.noSignal());
    }

    /**
     * As the service builds a patient's bands (BedPlanner.bandsOf, which keeps the last admission's; built per
     * reading here, an upper bound): the tenant's table, SpO2 scale 2 if prescribed, the patient's own overrides.
     */
    private ThresholdTable bandsOf(Optional<Admission> admission) {
        if (admission.isEmpty()) {
            return thresholds;
        }
        ThresholdTable table = admission.get().spo2Scale() == 2 ? thresholds.withSpo2Scale2() : thresholds;
        return admission.get().overrides().isEmpty() ? table : table.withOverrides(admission.get().overrides());
    }

    private Optional<StateAdvance> planBed(Device device, DecodedMessage message, Reading reading, BedSnapshot bed,
                                 BedParameter parameter) {
        Instant time = message.deviceTime();
        Metric metric = reading.metric();
        Optional<Admission> admission = bed.admission();
        // on a ward that scores NEWS2 the parameters it scores page only through it (BedPlanner.scoredByNews2)
        Severity observed = News2Parameter.METRICS.contains(metric) && news2Planner.scores(bed.ward())
                ? Severity.NONE : bandsOf(admission).classify(metric, reading.value());
        BedAlert.Step step = BedAlert.evaluate(parameter.state(),
                new SourceValue(device.thingName(), device.kind(), reading.value(), time), observed,
                alarmDelays.of(metric),
                () -> AlertIds.ofBed(Messages.TENANT, bed.ward(), bed.bed(), metric.code(), time));
        if (step.late()) {
            return Optional.empty();
        }
        Optional<OutgoingAlert> alert = step.transition().map(t -> renderer.render(
                new AlertNotification(Messages.TENANT, AlertNotification.THRESHOLD, t, device.thingName(),
                        device.kind(), bed.ward(), bed.bed(), metric, reading.value(), message.messageId(), null, null,
                        Isolation.NONE, admission.map(Admission::patientRef).orElse(null)),
                "M#" + message.messageId() + "#N#" + metric.code()));
        return Optional.of(new StateAdvance.OfBed(reading, parameter,
                new BedParameter(bed.ward(), bed.bed(), metric, step.state(), parameter.version()), alert,
                admission));
    }

    /**
     * What News2Planner.evaluate computes before its conditional write (which succeeds here at the first attempt):
     * the bed's parameters as read, those this message advanced in their place, scored by the planner itself.
     */
    private News2Planner.Scored scoreNews2(Device device, DecodedMessage message, BedSnapshot bed,
                                           List<StateAdvance> advances) {
        Map<Metric, BedParameterState> states = bed.states();
        states.putAll(News2Planner.written(advances));
        return news2Planner.score(bed, states, new News2Planner.Trigger(device.thingName(), message.messageId(),
                message.deviceTime(), device.thingName(), null, "M#" + message.messageId() + "#N#" + News2.SUBJECT));
    }

    /** A fridge's temperature or door (the benchmarks send no room air). */
    private StateAdvance planReading(Device device, DecodedMessage message, Reading reading) {
        Instant time = message.deviceTime();
        Supplier<String> newAlertId = () -> AlertIds.of(Messages.TENANT, device.thingName(), reading.metric(), time);
        StorageProfile profile = device.storageProfile() == null ? null : profiles.get(device.storageProfile());
        ColdChain.Step step;
        AlertNotification.ColdChainDetail detail;
        if (profile != null && reading.metric() == Metric.STORAGE_TEMPERATURE) {
            step = ColdChain.temperature(Messages.QUIET.alert(), null, time, reading.value(), profile,
                    ColdChainSettings.DEFAULTS, newAlertId);
            detail = new AlertNotification.ColdChainDetail(profile, null, step.excursion().orElse(null));
        } else if (profile != null && reading.metric() == Metric.DOOR_OPEN) {
            step = ColdChain.door(Messages.QUIET.alert(), null, time, reading.value() >= 0.5,
                    ColdChainSettings.DEFAULTS, newAlertId);
            detail = new AlertNotification.ColdChainDetail(profile, time, null);
        } else {
            throw new IllegalArgumentException("no fixture sends " + reading.metric().code() + " from "
                    + device.thingName());
        }
        Optional<OutgoingAlert> alert = step.transition().map(t -> renderer.render(
                new AlertNotification(Messages.TENANT, AlertNotification.COLD_CHAIN, t, device.thingName(),
                        device.kind(), device.ward(), device.bed(), reading.metric(), reading.value(),
                        message.messageId(), detail, device.room(), device.isolation()),
                "M#" + message.messageId() + "#N#" + reading.metric().code()));
        return new StateAdvance.OfMetric(reading, Messages.QUIET, new LatestState(step.alert(), step.episode(), 0),
                alert, step.excursion());
    }

    private Optional<StateAdvance> planBattery(Device device, DecodedMessage message) {
        Severity observed = message.battery() < DeviceCondition.LOW_BATTERY ? Severity.WARNING : Severity.NONE;
        AlertLifecycle.Step step = AlertLifecycle.evaluate(Messages.QUIET.alert(), observed, message.deviceTime(),
                () -> AlertIds.of(Messages.TENANT, device.thingName(), "battery", message.deviceTime()));
        if (step.late() || step.transition().isEmpty()) {
            return Optional.empty();
        }
        Optional<OutgoingAlert> alert = step.transition().map(t -> renderer.render(
                new DeviceAlert(Messages.TENANT, DeviceCondition.BATTERY, t, device, message.battery(),
                        message.deviceTime()), "M#" + message.messageId() + "#N#battery"));
        return Optional.of(new StateAdvance.OfCondition(DeviceCondition.BATTERY, Messages.QUIET, step.state(), alert));
    }

    private Optional<StateAdvance> planNoSignal(Device device, DecodedMessage message, boolean noSignal) {
        LatestState latest = Messages.QUIET;
        NoSignal.Step step = NoSignal.evaluate(latest.alert(), latest.episode(), message.deviceTime(), noSignal,
                () -> AlertIds.of(Messages.TENANT, device.thingName(), DeviceCondition.NO_SIGNAL.code(),
                        message.deviceTime()));
        boolean unchanged = step.transition().isEmpty() && latest.version() > 0
                && (step.period() == null ? latest.episode() == null
                : latest.episode() != null && step.period().start().equals(latest.episode().start()));
        if (step.late() || unchanged) {
            return Optional.empty();
        }
        Optional<OutgoingAlert> alert = step.transition().map(t -> renderer.render(
                new DeviceAlert(Messages.TENANT, DeviceCondition.NO_SIGNAL, t, device,
                        step.period() == null ? 0
                                : Duration.between(step.period().start(), message.deviceTime()).toSeconds(),
                        message.deviceTime()), "M#" + message.messageId() + "#N#no_signal"));
        return Optional.of(new StateAdvance.OfCondition(DeviceCondition.NO_SIGNAL, latest, step.alert(), alert,
                step.period()));
    }
}
