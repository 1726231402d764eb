package org.wardwatch.model.tenant;

import java.time.Duration;
import java.util.Map;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.escalation.EscalationPolicy;

/**
 * What a function takes from the tenant configuration file at start.
 *
 * @param thresholds           the effective table: NEWS2 defaults with the tenant's overrides
 * @param storageProfiles      the default profiles with the tenant's own added or replacing them, by name
 * @param alarmDelays          the effective alarm delays: {@link AlarmDelays#defaults()} with the tenant's fields
 * @param maxReadingAgeMinutes a reading more than this older (device time) than its arrival is late
 * @param wardVitals           each ward's vitals policy where the tenant names one; every other ward
 *                             {@link VitalsPolicy#THRESHOLDS}
 * @param news2                NEWS2's window and delays
 * @param wardEscalation       each ward's escalation policy where the tenant names one; every other ward
 *                             {@link EscalationPolicy#defaults()}
 */
public record FunctionConfig(ThresholdTable thresholds, Map<String, StorageProfile> storageProfiles,
                             AlarmDelays alarmDelays, int maxReadingAgeMinutes, Map<String, VitalsPolicy> wardVitals,
                             News2Settings news2, Map<String, EscalationPolicy> wardEscalation) {

    public FunctionConfig {
        wardVitals = Map.copyOf(wardVitals);
        wardEscalation = Map.copyOf(wardEscalation);
    }

    /** The ward's escalation policy: {@link EscalationPolicy#defaults()} unless the tenant names one. */
    public EscalationPolicy escalationOf(String ward) {
        return ward == null ? EscalationPolicy.defaults()
                : wardEscalation.getOrDefault(ward, EscalationPolicy.defaults());
    }

    /** The ward's vitals policy: {@link VitalsPolicy#THRESHOLDS} unless the tenant says otherwise. */
    public VitalsPolicy vitalsOf(String ward) {
        return ward == null ? VitalsPolicy.THRESHOLDS : wardVitals.getOrDefault(ward, VitalsPolicy.THRESHOLDS);
    }

    /** No configuration file: the defaults. */
    public static FunctionConfig defaults() {
        return new FunctionConfig(ThresholdTable.news2Defaults(), StorageProfile.defaults(), AlarmDelays.defaults(),
                TenantConfigReader.DEFAULT_MAX_READING_AGE_MINUTES, Map.of(), News2Settings.DEFAULTS,
                Map.of());
    }

    public Duration maxReadingAge() {
        return Duration.ofMinutes(maxReadingAgeMinutes);
    }
}
