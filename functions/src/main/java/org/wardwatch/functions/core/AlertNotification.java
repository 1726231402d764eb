package org.wardwatch.functions.core;

import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.Isolation;
import java.time.Instant;

/**
 * Everything staff are told about one alert transition. Carries ward and bed (or room), never a patient name or
 * reference: identification happens at the bedside.
 *
 * @param type {@link #THRESHOLD}, {@link #COLD_CHAIN} or {@link #ENVIRONMENT}
 * @param value the reading's value in the metric's canonical unit
 * @param coldChain for cold-chain alerts, the storage profile and the excursion or door-open period; else null
 * @param room for a room's alerts, its room within the ward; else null
 * @param isolation for a room's alerts, its isolation; else {@link Isolation#NONE}
 * @param patientRef for a bed's alerts, the admission's opaque reference while a patient is admitted; else null
 */
public record AlertNotification(String tenantId, String type, AlertTransition transition, String thingName,
                                DeviceKind kind, String ward, String bed, Metric metric, double value,
                                String messageId, ColdChainDetail coldChain, String room, Isolation isolation,
                                String patientRef) {

    public static final String THRESHOLD = "THRESHOLD";
    public static final String COLD_CHAIN = "COLD_CHAIN";
    public static final String ENVIRONMENT = "ENVIRONMENT";

    public AlertNotification {
        isolation = isolation == null ? Isolation.NONE : isolation;
    }

    /** A bed's or a storage unit's alert: no room. */
    public AlertNotification(String tenantId, String type, AlertTransition transition, String thingName,
                             DeviceKind kind, String ward, String bed, Metric metric, double value,
                             String messageId, ColdChainDetail coldChain) {
        this(tenantId, type, transition, thingName, kind, ward, bed, metric, value, messageId, coldChain, null,
                Isolation.NONE, null);
    }

    /** A room's alert, or a bed's with no patient admitted. */
    public AlertNotification(String tenantId, String type, AlertTransition transition, String thingName,
                             DeviceKind kind, String ward, String bed, Metric metric, double value,
                             String messageId, ColdChainDetail coldChain, String room, Isolation isolation) {
        this(tenantId, type, transition, thingName, kind, ward, bed, metric, value, messageId, coldChain, room,
                isolation, null);
    }

    public boolean isEnvironment() {
        return ENVIRONMENT.equals(type);
    }

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
