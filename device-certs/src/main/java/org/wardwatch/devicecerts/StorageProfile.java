package org.wardwatch.devicecerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The cold-chain range a storage sensor watches (REFERENCE.md, "Cold chain"). */
public enum StorageProfile {
    /** 2.0 to 8.0 degC. */
    VACCINE_FRIDGE,
    /** -50 to -15 degC. */
    VACCINE_FREEZER,
    /** -90 to -60 degC. */
    ULTRA_LOW_FREEZER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StorageProfile parse(String value) {
        for (StorageProfile profile : values()) {
            if (profile.wireName().equals(value)) {
                return profile;
            }
        }
        throw new InvalidDeviceException("unknown storage profile '" + ThingName.printable(value)
                + "' (expected one of "
                + Arrays.stream(values()).map(StorageProfile::wireName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return wireName();
    }
}
