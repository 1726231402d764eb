package org.wardwatch.devicecerts;

import java.util.regex.Pattern;

/**
 * The cold-chain profile a storage sensor is watched by: one of the defaults (REFERENCE.md, "Cold chain"), or a
 * tenant's own profile defined in its stack configuration ({@code coldChain.storageProfiles}). The function that
 * watches the device knows the ranges; a name it does not know is stored but raises no cold-chain alert.
 */
public record StorageProfile(String wireName) {

    /** Declared before the constants: they are checked against it as they are made. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

    /** 2.0 to 8.0 degC. */
    public static final StorageProfile VACCINE_FRIDGE = new StorageProfile("vaccine_fridge");
    /** -50 to -15 degC. */
    public static final StorageProfile VACCINE_FREEZER = new StorageProfile("vaccine_freezer");
    /** -90 to -60 degC. */
    public static final StorageProfile ULTRA_LOW_FREEZER = new StorageProfile("ultra_low_freezer");

    public StorageProfile {
        if (wireName == null || !NAME.matcher(wireName).matches()) {
            throw new InvalidDeviceException("storage profile '" + ThingName.printable(wireName == null ? "" : wireName)
                    + "' is not a profile name (1-64 of a-z 0-9 _; defaults: vaccine_fridge, vaccine_freezer, "
                    + "ultra_low_freezer)");
        }
    }

    public static StorageProfile parse(String value) {
        return new StorageProfile(value);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
