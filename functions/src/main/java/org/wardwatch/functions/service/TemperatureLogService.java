package org.wardwatch.functions.service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.wardwatch.functions.core.Device;
import org.wardwatch.model.device.DeviceKind;
import java.util.Map;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.functions.core.TemperatureLog;

/**
 * Compiles the monthly temperature log of one of the tenant's storage sensors. A device that is no longer
 * active still has its log: its history is what an inspector asks about.
 */
public final class TemperatureLogService {

    private final String tenantId;
    private final DeviceRegistry registry;
    private final TemperatureLogSource source;
    private final ZoneId defaultZone;
    private final Clock clock;
    private final Map<String, StorageProfile> profiles;

    public TemperatureLogService(String tenantId, DeviceRegistry registry, TemperatureLogSource source,
                                 Map<String, StorageProfile> profiles, ZoneId defaultZone, Clock clock) {
        this.tenantId = tenantId;
        this.profiles = Map.copyOf(profiles);
        this.registry = registry;
        this.source = source;
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /**
     * @param month    {@code yyyy-MM}
     * @param timeZone the zone whose days the log's rows are; null or blank for the deployment's default
     */
    public TemperatureLog monthlyLog(String thingName, String month, String timeZone) {
        YearMonth yearMonth = parseMonth(month);
        ZoneId zone = timeZone == null || timeZone.isBlank() ? defaultZone : parseZone(timeZone);
        if (thingName == null || thingName.isBlank()) {
            throw new UnknownDeviceException("the request names no device");
        }
        Device device = registry.find(thingName)
                .orElseThrow(() -> new UnknownDeviceException("device " + thingName + " is not registered"));
        if (!tenantId.equals(device.tenantId())) {
            throw new TenantMismatchException("device " + thingName + " is not registered to this tenant");
        }
        if (!device.kind().needsStorageProfile()) {
            throw new NotAStorageSensorException("device " + thingName + " is a " + device.kind().code()
                    + ", not a storage_sensor");
        }
        Instant from = yearMonth.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = yearMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return TemperatureLog.compile(device, profiles.get(device.storageProfile()),
                yearMonth, zone, clock.instant(),
                source.temperatures(thingName, from, to), source.excursions(thingName, from, to));
    }

    private static YearMonth parseMonth(String month) {
        if (month == null) {
            throw new MalformedMonthException("the request has no month; expected yyyy-MM, e.g. 2026-11");
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new MalformedMonthException("month must be yyyy-MM, e.g. 2026-11");
        }
    }

    private static ZoneId parseZone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new UnknownTimeZoneException("timeZone must be a time zone id such as Europe/London");
        }
    }
}
