package org.wardwatch.model.staff;

/**
 * The kinds of alert staff acknowledge, as an alert's record names them ({@code type}): a bed's vital signs
 * ({@code THRESHOLD}, {@code NEWS2}), a room's environment, a storage unit's cold chain, a device's own state.
 * Who may acknowledge which is {@link StaffRole#mayAcknowledge(AlertType)}.
 */
public enum AlertType {
    THRESHOLD, NEWS2, ENVIRONMENT, COLD_CHAIN, DEVICE
}
