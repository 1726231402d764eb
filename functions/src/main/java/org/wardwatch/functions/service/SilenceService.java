package org.wardwatch.functions.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.functions.core.AlertIds;
import org.wardwatch.functions.core.AlertLifecycle;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.DeviceAlert;
import org.wardwatch.functions.core.DeviceCondition;

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
    private final AlertRenderer renderer;

    /** @param zone the tenant's time zone, the one the texts give times in */
    public SilenceService(String tenantId, DeviceDirectory directory, TelemetryStore store, AlertPublisher publisher,
                          Duration vitalsInterval, Duration storageInterval, ZoneId zone) {
        this.tenantId = tenantId;
        this.directory = directory;
        this.store = store;
        this.publisher = publisher;
        this.vitalsInterval = vitalsInterval;
        this.storageInterval = storageInterval;
        this.renderer = new AlertRenderer(zone);
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
            Duration allowed = interval(device.kind()).multipliedBy(DeviceCondition.SILENT_INTERVALS);
            boolean isSilent = quiet.compareTo(allowed) > 0;
            if (isSilent) {
                silent++;
            }
            for (String transition : advance(device, isSilent, quiet, lastSeen.get(), now)) {
                if (transition.equals("RESOLVED")) {
                    resolved++;
                } else {
                    opened++;
                }
            }
        }
        return new Check(devices, silent, opened, resolved);
    }

    /** The tenant's expected interval for the reporting interval this kind is held to. */
    private Duration interval(DeviceKind kind) {
        return switch (kind.interval()) {
            case VITALS -> vitalsInterval;
            case STORAGE -> storageInterval;
        };
    }

    /**
     * Sends the page an earlier check recorded and could not send, if any, then advances the device's silence
     * state and sends the page of its transition, if any.
     *
     * @return the transitions sent ({@code OPENED}, {@code RESOLVED}), in order
     */
    private List<String> advance(Device device, boolean isSilent, Duration quiet, Instant lastSeen, Instant now) {
        List<String> sent = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            LatestState latest = store.condition(device.thingName(), DeviceCondition.SILENCE);
            if (latest.unsentAlert() != null) {
                sendUnsent(device.thingName(), latest.unsentAlert()).ifPresent(sent::add);
            }
            AlertLifecycle.Step step = AlertLifecycle.evaluate(
                    new org.wardwatch.functions.core.AlertState(latest.alert().severity(), latest.alert().alertId(),
                            latest.alert().openedAt(), null),
                    isSilent ? Severity.WARNING : Severity.NONE, now,
                    () -> AlertIds.of(tenantId, device.thingName(), "silence", lastSeen));
            if (step.transition().isEmpty()) {
                return sent;
            }
            // One outbox entry per silence and per return, keyed by the last reading before it: a re-run of the
            // same check finds the state already advanced and writes nothing again.
            String key = "silence-" + lastSeen.toEpochMilli() + "-" + step.transition().get().transition().name();
            OutgoingAlert alert = renderer.render(new DeviceAlert(tenantId, DeviceCondition.SILENCE,
                    step.transition().get(), device, quiet.toSeconds(), now), "M#" + key + "#N#silence");
            if (store.advanceCondition(device.thingName(), DeviceCondition.SILENCE, latest, step.state(),
                    Optional.of(alert))) {
                send(alert);
                sent.add(step.transition().get().transition().name());
                return sent;
            }
        }
        throw new IllegalStateException("silence state of " + device.thingName() + " kept changing");
    }

    /**
     * The state names a page recorded with it and not known to be sent: an earlier check failed to publish it, or
     * failed after. It is sent now if the outbox still has it pending (at least once: a check that died after
     * publishing and before marking it sent has it sent twice).
     */
    private Optional<String> sendUnsent(String thingName, String key) {
        Optional<OutgoingAlert> unsent = store.unsentAlert(thingName, key);
        if (unsent.isEmpty()) {
            store.forgetUnsent(thingName, DeviceCondition.SILENCE, key);
            return Optional.empty();
        }
        send(unsent.get());
        return Optional.of(unsent.get().attributes().get("transition"));
    }

    private void send(OutgoingAlert alert) {
        store.markSent(alert, publisher.publish(alert));
        store.forgetUnsent(alert.thingName(), DeviceCondition.SILENCE, alert.key());
    }

    /** The devices to check. */
    public interface DeviceDirectory {
        List<Device> activeDevices();
    }
}
