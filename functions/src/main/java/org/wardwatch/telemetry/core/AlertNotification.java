package org.wardwatch.telemetry.core;

import java.time.Instant;

/**
 * Everything staff are told about one alert transition. Carries ward and bed, never a patient name or
 * reference: identification happens at the bedside.
 *
 * @param value the reading's value in the metric's canonical unit
 */
public record AlertNotification(String tenantId, String type, AlertTransition transition, String thingName,
                                DeviceKind kind, String ward, String bed, Metric metric, double value,
                                String messageId) {

    public static final String THRESHOLD = "THRESHOLD";

    public String alertId() {
        return transition.alertId();
    }

    public Instant deviceTime() {
        return transition.deviceTime();
    }
}
