package org.wardwatch.benchmarks;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;
import org.wardwatch.functions.core.AlertIds;
import org.wardwatch.functions.core.AlertLifecycle;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.AlertState;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.core.ColdChain;
import org.wardwatch.model.coldchain.ColdChainSettings;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.MessageValidator;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.functions.core.Reading;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.functions.core.Validation;
import org.wardwatch.functions.service.AlertRenderer;

/**
 * One device message through everything the telemetry function does between receiving the bytes and talking to
 * DynamoDB: decode, validate against the registry (an in-memory map here), evaluate each reading's alert (threshold
 * bands or cold chain) from a quiet stored state, and render the notification of any transition. One operation is
 * one message, so ops/s is messages per second on one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class HotPathBenchmark {

    private final MessageValidator validator = Messages.validator();
    private final ThresholdTable thresholds = ThresholdTable.news2Defaults();
    private final Map<String, StorageProfile> profiles = StorageProfile.defaults();
    private final AlertRenderer renderer = new AlertRenderer(java.time.ZoneId.of("Europe/London"));
    /** The stored state before this message: quiet, last evaluated a minute earlier. */
    private final AlertState quiet = new AlertState(Severity.NONE, null, null, Messages.DEVICE_TIME.minusSeconds(60));

    private final Envelope thermometer = Messages.envelope(Messages.THERMOMETER);
    private final Envelope oximeter = Messages.envelope(Messages.OXIMETER);
    private final Envelope cardiacMonitor = Messages.envelope(Messages.CARDIAC_MONITOR);
    private final Envelope fridge = Messages.envelope(Messages.FRIDGE);
    private final Envelope unregistered = Messages.envelope(Messages.UNREGISTERED);

    @Benchmark
    public void message1Reading(Blackhole bh) {
        process(thermometer, Messages.ONE_READING, bh);
    }

    @Benchmark
    public void message2Readings(Blackhole bh) {
        process(oximeter, Messages.TWO_READINGS, bh);
    }

    @Benchmark
    public void message4Readings(Blackhole bh) {
        process(cardiacMonitor, Messages.FOUR_READINGS, bh);
    }

    /** Two readings, one of which opens an alert: adds the alert id (SHA-256) and rendering the notification. */
    @Benchmark
    public void message2ReadingsOpeningAlert(Blackhole bh) {
        process(oximeter, Messages.TWO_READINGS_ALERTING, bh);
    }

    /** A fridge's temperature and door, through the cold-chain state machines. */
    @Benchmark
    public void storageMessage(Blackhole bh) {
        process(fridge, Messages.STORAGE_READING, bh);
    }

    @Benchmark
    public void rejectedTruncatedJson(Blackhole bh) {
        process(oximeter, Messages.TRUNCATED, bh);
    }

    /** Well-formed, decoded in full, then refused: the device is not in the registry. */
    @Benchmark
    public void rejectedUnknownDevice(Blackhole bh) {
        process(unregistered, Messages.TWO_READINGS, bh);
    }

    /** What TelemetryService.process does without its store and publisher. */
    private void process(Envelope envelope, byte[] payload, Blackhole bh) {
        Validation validation = validator.validate(envelope, payload);
        if (!(validation instanceof Validation.Accepted accepted)) {
            bh.consume(validation);
            return;
        }
        Device device = accepted.device();
        Instant time = accepted.message().deviceTime();
        for (Reading reading : accepted.readings()) {
            Supplier<String> newAlertId = () -> AlertIds.of(Messages.TENANT, device.thingName(), reading.metric(), time);
            StorageProfile profile = device.storageProfile() == null ? null : profiles.get(device.storageProfile());
            AlertTransition transition;
            AlertNotification.ColdChainDetail detail = null;
            if (profile != null && reading.metric() == Metric.STORAGE_TEMPERATURE) {
                ColdChain.Step step = ColdChain.temperature(quiet, null, time, reading.value(), profile,
                        ColdChainSettings.DEFAULTS, newAlertId);
                bh.consume(step);
                transition = step.transition().orElse(null);
                detail = new AlertNotification.ColdChainDetail(profile, time, step.excursion().orElse(null));
            } else if (profile != null && reading.metric() == Metric.DOOR_OPEN) {
                ColdChain.Step step = ColdChain.door(quiet, null, time, reading.value() >= 0.5,
                        ColdChainSettings.DEFAULTS, newAlertId);
                bh.consume(step);
                transition = step.transition().orElse(null);
                detail = new AlertNotification.ColdChainDetail(profile, time, null);
            } else {
                AlertLifecycle.Step step = AlertLifecycle.evaluate(quiet,
                        thresholds.classify(reading.metric(), reading.value()), time, newAlertId);
                bh.consume(step);
                transition = step.transition().orElse(null);
            }
            if (transition != null) {
                bh.consume(renderer.render(new AlertNotification(Messages.TENANT,
                        detail == null ? AlertNotification.THRESHOLD : AlertNotification.COLD_CHAIN, transition,
                        device.thingName(), device.kind(), device.ward(), device.bed(), reading.metric(),
                        reading.value(), accepted.message().messageId(), detail),
                        "M#" + accepted.message().messageId() + "#N#" + reading.metric().code()));
            }
        }
    }
}
