package org.wardwatch.telemetry.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.telemetry.core.AlertIds;
import org.wardwatch.telemetry.core.AlertLifecycle;
import org.wardwatch.telemetry.core.Device;
import org.wardwatch.telemetry.core.DeviceAlert;
import org.wardwatch.telemetry.core.DeviceCondition;
import org.wardwatch.telemetry.core.DeviceKind;
import org.wardwatch.telemetry.core.Severity;

/**
 * Flags devices that have gone silent: an ACTIVE device with no reading received for more than three times its
 * kind's expected interval opens a DEVICE WARNING "device silent"; the first check after it reports again resolves
 * it. Inactive or revoked devices are not checked, nor devices that have never reported. Run on a schedule (every
 * minute in the tenant's stack; the local stack runs it on its own clock).
 */
public final class SilenceService {

    /** What one check found. */
    public record Check(int devices, int silent, int opened, int resolved) {
    }

    private final String tenantId;
    private final DeviceDirectory directory;
    private final TelemetryStore store;
    private final AlertPublisher publisher;
    private final Duration vitalsInterval;
    private final Duration storageInterval;
    private final AlertRenderer renderer = new AlertRenderer();

    public SilenceService(String tenantId, DeviceDirectory directory, TelemetryStore store, AlertPublisher publisher,
                          Duration vitalsInterval, Duration storageInterval) {
        this.tenantId = tenantId;
        this.directory = directory;
        this.store = store;
        this.publisher = publisher;
        this.vitalsInterval = vitalsInterval;
        this.storageInterval = storageInterval;
    }

    public Check check(Instant now) {
        int devices = 0;
        int silent = 0;
        int opened = 0;
        int resolved = 0;
        List<Device> tenantDevices = new ArrayList<>();
        for (Device device : directory.activeDevices()) {
            if (tenantId.equals(device.tenantId())) {
                tenantDevices.add(device);
            }
        }
        Map<String, Instant> seen = store.lastSeen(tenantDevices);
        for (Device device : tenantDevices) {
            devices++;
            Optional<Instant> lastSeen = Optional.ofNullable(seen.get(device.thingName()));
            if (lastSeen.isEmpty()) {
                continue;
            }
            Duration quiet = Duration.between(lastSeen.get(), now);
            Duration allowed = (device.kind() == DeviceKind.STORAGE_SENSOR ? storageInterval : vitalsInterval)
                    .multipliedBy(DeviceCondition.SILENT_INTERVALS);
            boolean isSilent = quiet.compareTo(allowed) > 0;
            if (isSilent) {
                silent++;
            }
            Optional<String> transition = advance(device, isSilent, quiet, lastSeen.get(), now);
            if (transition.isPresent()) {
                if (transition.get().equals("OPENED")) {
                    opened++;
                } else {
                    resolved++;
                }
            }
        }
        return new Check(devices, silent, opened, resolved);
    }

    private Optional<String> advance(Device device, boolean isSilent, Duration quiet, Instant lastSeen, Instant now) {
        for (int attempt = 0; attempt < 8; attempt++) {
            LatestState latest = store.condition(device.thingName(), DeviceCondition.SILENCE);
            AlertLifecycle.Step step = AlertLifecycle.evaluate(
                    new org.wardwatch.telemetry.core.AlertState(latest.alert().severity(), latest.alert().alertId(),
                            latest.alert().openedAt(), null),
                    isSilent ? Severity.WARNING : Severity.NONE, now,
                    () -> AlertIds.of(tenantId, device.thingName(), "silence", lastSeen));
            if (step.transition().isEmpty()) {
                return Optional.empty();
            }
            // One outbox entry per silence and per return, keyed by the last reading before it: a re-run of the
            // same check finds the state already advanced and sends nothing again.
            String key = "silence-" + lastSeen.toEpochMilli() + "-" + step.transition().get().transition().name();
            OutgoingAlert alert = renderer.render(new DeviceAlert(tenantId, DeviceCondition.SILENCE,
                    step.transition().get(), device, quiet.toSeconds(), now), "M#" + key + "#N#silence");
            if (store.advanceCondition(device.thingName(), DeviceCondition.SILENCE, latest, step.state(),
                    Optional.of(alert))) {
                for (OutgoingAlert pending : store.pendingAlerts(device.thingName(), key)) {
                    store.markSent(pending, publisher.publish(pending));
                }
                return Optional.of(step.transition().get().transition().name());
            }
        }
        throw new IllegalStateException("silence state of " + device.thingName() + " kept changing");
    }

    /** The devices to check. */
    public interface DeviceDirectory {
        List<Device> activeDevices();
    }
}
