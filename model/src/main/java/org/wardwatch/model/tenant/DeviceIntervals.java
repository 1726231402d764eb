package org.wardwatch.model.tenant;

/**
 * How often the tenant's devices are expected to report, for the silent-devices check: a device with no reading
 * for more than three of its kind's intervals is flagged (functions/README.md, "Device alerts"). A null interval was
 * not given in the configuration: the function's own default applies, so the stack does not set its variable.
 *
 * @param vitalsIntervalSeconds  seconds between two readings of a vital-sign device
 *                               ({@code WARDWATCH_VITALS_INTERVAL_SECONDS}, function default 60)
 * @param storageIntervalSeconds seconds between two readings of a storage sensor
 *                               ({@code WARDWATCH_STORAGE_INTERVAL_SECONDS}, function default 300)
 */
public record DeviceIntervals(Integer vitalsIntervalSeconds, Integer storageIntervalSeconds) {

    /** No {@code devices} block: both intervals are the function's defaults. */
    public static final DeviceIntervals DEFAULTS = new DeviceIntervals(null, null);
}
