package org.wardwatch.model.device;

/**
 * Which of the tenant's expected reporting intervals a kind is held to by the silent-devices check: a device is
 * silent after three of its intervals without a reading.
 */
public enum ReportingInterval {
    /** {@code WARDWATCH_VITALS_INTERVAL_SECONDS}, default 60. */
    VITALS,
    /** {@code WARDWATCH_STORAGE_INTERVAL_SECONDS}, default 300. */
    STORAGE
}
