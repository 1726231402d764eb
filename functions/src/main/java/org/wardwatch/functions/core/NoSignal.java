package org.wardwatch.functions.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.reading.Metric;

/**
 * No signal is a condition of the device, not a vital sign (functions/README.md, "Alerts at the bed"): SpO2 0 or
 * heart rate 0 (a probe off the patient), or a reading the device marks {@code "quality":"no_signal"}. Such a
 * reading is stored but opens or changes no clinical alert. The first no-signal reading starts a no-signal period;
 * the first no-signal reading at least {@link #DELAY} of device time after its start opens a {@code DEVICE} alert
 * {@link DeviceCondition#NO_SIGNAL} (WARNING); the first valid reading ends the period and resolves that alert.
 * A reading no newer than the latest evaluated changes nothing.
 */
public final class NoSignal {

    /** How long a no-signal period lasts, in device time, before it opens an alert. */
    public static final Duration DELAY = Duration.ofSeconds(30);

    private NoSignal() {
    }

    /**
     * @param period the no-signal period in progress ({@link Episode#start()} is its start), null when none is
     */
    public record Step(AlertState alert, Episode period, Optional<AlertTransition> transition, boolean late) {
    }

    /**
     * Whether a reading carries no signal: SpO2 or heart rate exactly 0, or {@code markedNoSignal} (the message's
     * {@code quality} is {@code no_signal}), whatever the metric and value.
     */
    public static boolean isNoSignal(Metric metric, double value, boolean markedNoSignal) {
        return markedNoSignal || (carriesSignal(metric) && value == 0);
    }

    /** The metrics whose 0 means the probe found no signal, and whose readings decide the condition: SpO2, HR. */
    public static boolean carriesSignal(Metric metric) {
        return metric == Metric.SPO2 || metric == Metric.HEART_RATE;
    }

    /**
     * The device's no-signal condition after a message at device time {@code time}.
     *
     * @param noSignal the message carried no signal (see {@link #isNoSignal})
     */
    public static Step evaluate(AlertState alert, Episode period, Instant time, boolean noSignal,
                                Supplier<String> newAlertId) {
        if (alert.lastEvaluated() != null && !time.isAfter(alert.lastEvaluated())) {
            return new Step(alert, period, Optional.empty(), true);
        }
        if (!noSignal) {
            Optional<AlertTransition> resolved = alert.severity().isAlert()
                    ? Optional.of(new AlertTransition(Transition.RESOLVED, alert.alertId(), Severity.NONE,
                    alert.severity(), alert.openedAt(), time))
                    : Optional.empty();
            return new Step(new AlertState(Severity.NONE, null, null, time), null, resolved, false);
        }
        Episode now = period == null ? Episode.startingWith(time, 0) : period;
        if (!alert.severity().isAlert() && Duration.between(now.start(), time).compareTo(DELAY) >= 0) {
            AlertState opened = new AlertState(Severity.WARNING, newAlertId.get(), time, time);
            return new Step(opened, now, Optional.of(new AlertTransition(Transition.OPENED, opened.alertId(),
                    Severity.WARNING, Severity.NONE, time, time)), false);
        }
        return new Step(new AlertState(alert.severity(), alert.alertId(), alert.openedAt(), time), now,
                Optional.empty(), false);
    }
}
