package org.wardwatch.devicecerts;

import java.util.regex.Pattern;

/**
 * A tenant (hospital) id. It becomes a topic level, part of the devices table name and of the IoT policy name, so
 * it is kept to lower-case letters, digits and inner hyphens.
 */
public record TenantId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");

    public TenantId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidDeviceException("invalid tenant id '" + ThingName.printable(value)
                    + "': use 1-32 characters from a-z 0-9 and '-', starting and ending with a letter or digit");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** The default devices table of this tenant, used when neither an option nor WARDWATCH_DEVICES_TABLE names one. */
    public String defaultDevicesTable() {
        return "wardwatch-" + value + "-devices";
    }

    /** The name of the IoT policy every device of this tenant gets. */
    public String devicePolicyName() {
        return "wardwatch-" + value + "-device";
    }

    /** The MQTT topic a device of this tenant publishes its readings to. */
    public String telemetryTopic(ThingName thing) {
        return "tenants/" + value + "/devices/" + thing.value() + "/telemetry";
    }

    @Override
    public String toString() {
        return value;
    }
}
