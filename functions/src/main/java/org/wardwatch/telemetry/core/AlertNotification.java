package org.wardwatch.telemetry.core;

import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.device.DeviceKind;
import java.time.Instant;

/**
 * Everything staff are told about one alert transition. Carries ward and bed, never a patient name or
 * reference: identification happens at the bedside.
 *
 * @param type {@link #THRESHOLD} or {@link #COLD_CHAIN}
 * @param value the reading's value in the metric's canonical unit
 * @param coldChain for cold-chain alerts, the storage profile and the excursion or door-open period; else null
 */
public record AlertNotification(String tenantId, String type, AlertTransition transition, String thingName,
                                DeviceKind kind, String ward, String bed, Metric metric, double value,
                                String messageId, ColdChainDetail coldChain) {

    public static final String THRESHOLD = "THRESHOLD";
    public static final String COLD_CHAIN = "COLD_CHAIN";

    /**
     * @param since when the excursion started or the door was opened
     * @param excursion the temperature excursion (ended, for a resolution); null for a door alert
     */
    public record ColdChainDetail(StorageProfile profile, Instant since, Excursion excursion) {
    }

    public String alertId() {
        return transition.alertId();
    }

    public Instant deviceTime() {
        return transition.deviceTime();
    }
}
