package org.wardwatch.devicecerts;

import java.util.function.Function;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.InvalidNameException;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;

/**
 * The model's names (wardwatch-model) as device-certs reads them from arguments, CSV rows and its own files: one
 * rule each, the model's; a value that breaks it is an {@link InvalidDeviceException} with one line saying the rule.
 */
public final class DeviceNames {

    private DeviceNames() {
    }

    public static TenantId tenant(String value) {
        return named(TenantId::of, value);
    }

    public static ThingName thing(String value) {
        return named(ThingName::of, value);
    }

    public static DeviceKind kind(String value) {
        return DeviceKind.fromCode(value).orElseThrow(() -> new InvalidDeviceException("unknown device kind '"
                + printable(value) + "' (expected one of " + String.join(", ", DeviceKind.codes()) + ")"));
    }

    /**
     * A storage profile's name: one of the defaults, or a tenant's own profile defined in its stack configuration
     * ({@code coldChain.storageProfiles}). The function that watches the device knows the ranges; a name it does not
     * know is stored but raises no cold-chain alert.
     */
    public static String storageProfile(String value) {
        if (!StorageProfile.isValidName(value)) {
            throw new InvalidDeviceException("storage profile '" + printable(value) + "' is not a profile name ("
                    + StorageProfile.NAME_RULE + "; defaults: "
                    + String.join(", ", StorageProfile.defaults().keySet()) + ")");
        }
        return value;
    }

    /** A value fit for a one-line message. */
    public static String printable(String value) {
        return InvalidNameException.printable(value);
    }

    private static <T> T named(Function<String, T> parse, String value) {
        try {
            return parse.apply(value);
        } catch (InvalidNameException e) {
            throw new InvalidDeviceException(e.getMessage());
        }
    }
}
