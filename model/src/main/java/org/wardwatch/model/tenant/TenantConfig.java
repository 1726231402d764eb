package org.wardwatch.model.tenant;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.alert.ThresholdOverride;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.escalation.EscalationPolicy;
import org.wardwatch.model.reading.Metric;

/**
 * Everything one hospital's deployment differs in, read from {@code infra/tenants/<tenant>.json} by
 * {@link TenantConfigReader}.
 *
 * @param tenantId            a {@link org.wardwatch.model.device.TenantId}; every resource name is derived from it
 * @param account             the AWS account the stack deploys to
 * @param region              the AWS region the stack deploys to
 * @param contacts            staff who receive alerts
 * @param thresholds          overrides of the function's default threshold bands, by metric (ordered); each
 *                            replaces the defaults' bands on the side(s) of the normal range it names
 * @param coldChain           cold-chain delays, retention and storage profiles; {@link ColdChain#DEFAULTS} if absent
 * @param deviceIntervals     devices' expected reporting intervals (the silent-devices check);
 *                            {@link DeviceIntervals#DEFAULTS} if absent
 * @param timeZone            the hospital's time zone, a zone id {@code java.time.ZoneId.of} accepts (such as
 *                            {@code Europe/London}): the local days of a temperature log; {@code UTC} if absent
 * @param runtime             JVM or native function
 * @param memoryMb            function memory
 * @param reservedConcurrency reserved concurrent executions of the function, if any
 * @param readingRetentionDays TTL of readings and quarantined messages
 * @param logRetentionDays    retention of the function's log group
 * @param opsEmails           addresses subscribed to the operations (alarm) topic
 * @param alarmDelays         the effective alarm delays: {@link AlarmDelays#defaults()} with the tenant's fields
 * @param maxReadingAgeMinutes a reading whose device time is more than this before IoT Core received it is late
 *                            and changes no alert; {@value TenantConfigReader#DEFAULT_MAX_READING_AGE_MINUTES}
 *                            if absent
 * @param wardVitals          the vitals policy of each ward the {@code wards} block names (sorted by ward); every
 *                            other ward {@link VitalsPolicy#THRESHOLDS}
 * @param news2               NEWS2's window and delays; {@link News2Settings#DEFAULTS} if absent
 * @param wardEscalation      the escalation policy of each ward that names one in the {@code wards} block (sorted
 *                            by ward); every other ward {@link EscalationPolicy#defaults()}
 */
public record TenantConfig(
        String tenantId,
        String account,
        String region,
        List<Contact> contacts,
        Map<Metric, ThresholdOverride> thresholds,
        ColdChain coldChain,
        DeviceIntervals deviceIntervals,
        String timeZone,
        FunctionRuntime runtime,
        int memoryMb,
        Integer reservedConcurrency,
        int readingRetentionDays,
        int logRetentionDays,
        List<String> opsEmails,
        AlarmDelays alarmDelays,
        int maxReadingAgeMinutes,
        Map<String, VitalsPolicy> wardVitals,
        News2Settings news2,
        Map<String, EscalationPolicy> wardEscalation) {

    public TenantConfig {
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(coldChain, "coldChain");
        Objects.requireNonNull(deviceIntervals, "deviceIntervals");
        Objects.requireNonNull(timeZone, "timeZone");
        opsEmails = List.copyOf(opsEmails);
        Objects.requireNonNull(alarmDelays, "alarmDelays");
        // Sorted by metric: it is written into the template and must not depend on the file's order.
        thresholds = Collections.unmodifiableMap(new TreeMap<>(thresholds));
        wardVitals = Collections.unmodifiableMap(new TreeMap<>(wardVitals));
        Objects.requireNonNull(news2, "news2");
        wardEscalation = Collections.unmodifiableMap(new TreeMap<>(wardEscalation));
    }

    /** The ward's escalation policy: {@link EscalationPolicy#defaults()} unless the tenant names one. */
    public EscalationPolicy escalationOf(String ward) {
        return ward == null ? EscalationPolicy.defaults()
                : wardEscalation.getOrDefault(ward, EscalationPolicy.defaults());
    }

    /** The table the function alerts with: the NEWS2 defaults, each override replacing the sides it names. */
    public ThresholdTable effectiveThresholds() {
        return ThresholdTable.news2Defaults().withThresholdOverrides(thresholds);
    }
}
