package org.wardwatch.devicecerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a device measures; the names are the values of the {@code kind} attribute in IoT and the devices table. */
public enum DeviceKind {
    PULSE_OXIMETER,
    BP_MONITOR,
    GLUCOSE_METER,
    THERMOMETER,
    CARDIAC_MONITOR,
    SMARTWATCH,
    STORAGE_SENSOR;

    /** The name as stored, e.g. {@code pulse_oximeter}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeviceKind parse(String value) {
        for (DeviceKind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new InvalidDeviceException("unknown device kind '" + ThingName.printable(value) + "' (expected one of "
                + Arrays.stream(values()).map(DeviceKind::wireName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return wireName();
    }
}
