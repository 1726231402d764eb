package org.wardwatch.functions.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.wardwatch.functions.core.AlertIds;
import org.wardwatch.functions.core.AlertLifecycle;
import org.wardwatch.functions.core.DecodedMessage;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.DeviceAlert;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.functions.core.Episode;
import org.wardwatch.functions.core.NoSignal;
import org.wardwatch.functions.core.Reading;
import org.wardwatch.model.alert.Severity;

/** The telemetry function's device conditions from a message: its battery and whether it has a signal. */
final class ConditionPlanner {

    private final String tenantId;
    private final AlertRenderer renderer;

    ConditionPlanner(String tenantId, AlertRenderer renderer) {
        this.tenantId = tenantId;
        this.renderer = renderer;
    }

    static boolean noSignal(Reading reading) {
        return NoSignal.isNoSignal(reading.metric(), reading.value(), reading.noSignal());
    }

    /** No signal held 30 s of device time warns; the first valid reading resolves it (NoSignal). */
    Plan noSignal(Device device, DecodedMessage message, boolean noSignal, LatestState latest) {
        NoSignal.Step step = NoSignal.evaluate(latest.alert(), latest.episode(), message.deviceTime(), noSignal,
                () -> AlertIds.of(tenantId, device.thingName(), DeviceCondition.NO_SIGNAL.code(), message.deviceTime()));
        boolean unchanged = step.transition().isEmpty() && latest.version() > 0
                && Objects.equals(step.period() == null ? null : step.period().start(),
                        latest.episode() == null ? null : latest.episode().start());
        if (step.late() || unchanged) {
            return new Plan(null, step.late());
        }
        // The alert's value: how long the device has had no signal (to the resolving reading, for a resolution).
        Episode period = step.period() != null ? step.period() : latest.episode();
        Optional<OutgoingAlert> alert = step.transition().map(t -> renderer.render(
                new DeviceAlert(tenantId, DeviceCondition.NO_SIGNAL, t, device,
                        period == null ? 0 : Duration.between(period.start(), message.deviceTime()).toSeconds(),
                        message.deviceTime()),
                "M#" + message.messageId() + "#N#no_signal"));
        return new Plan(new StateAdvance.OfCondition(DeviceCondition.NO_SIGNAL, latest, step.alert(), alert,
                step.period()), false);
    }

    /** A battery below 15 % warns once, and resolves when it is charged (device time; a late level changes nothing). */
    Plan battery(Device device, DecodedMessage message, LatestState latest) {
        Severity observed = message.battery() < DeviceCondition.LOW_BATTERY ? Severity.WARNING : Severity.NONE;
        AlertLifecycle.Step step = AlertLifecycle.evaluate(latest.alert(), observed, message.deviceTime(),
                () -> AlertIds.of(tenantId, device.thingName(), "battery", message.deviceTime()));
        if (step.late() || (step.transition().isEmpty() && latest.version() > 0)) {
            return new Plan(null, step.late());
        }
        Optional<OutgoingAlert> alert = step.transition().map(t -> renderer.render(
                new DeviceAlert(tenantId, DeviceCondition.BATTERY, t, device, message.battery(), message.deviceTime()),
                "M#" + message.messageId() + "#N#battery"));
        return new Plan(new StateAdvance.OfCondition(DeviceCondition.BATTERY, latest, step.state(), alert), false);
    }
}
