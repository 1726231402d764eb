package org.wardwatch.model.alert;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of alert, as an alert's document and record name them ({@code type}): a bed's vital signs
 * ({@code THRESHOLD}, {@code NEWS2}), a room's environment, a storage unit's cold chain, a device's own state; each
 * with the field that names where staff find it when they acknowledge it ({@code bed}, {@code room} or
 * {@code device}: the place of the alert's record). Who may acknowledge which is
 * {@link org.wardwatch.model.staff.StaffRole#mayAcknowledge(AlertType)}.
 */
public enum AlertType {
    THRESHOLD("bed"), NEWS2("bed"), ENVIRONMENT("room"), COLD_CHAIN("device"), DEVICE("device");

    private final String placeField;

    AlertType(String placeField) {
        this.placeField = placeField;
    }

    /** The request field that names an alert of this type's place: {@code bed}, {@code room} or {@code device}. */
    public String placeField() {
        return placeField;
    }

    /** The type named exactly {@code name}, if any. */
    public static Optional<AlertType> of(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    /** Every type's name, for an error message: {@code THRESHOLD, NEWS2, ...}. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
