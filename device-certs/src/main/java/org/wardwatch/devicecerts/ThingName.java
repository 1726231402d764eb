package org.wardwatch.devicecerts;

import java.util.regex.Pattern;

/**
 * An AWS IoT thing name, which is also the device certificate's CN, its MQTT client id and a topic level. IoT
 * Core's own rule, {@code [a-zA-Z0-9:_-]{1,128}}, keeps {@code +}, {@code #} and {@code /} out of topic filters.
 */
public record ThingName(String value) {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");

    public ThingName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidDeviceException("invalid thing name '" + printable(value)
                    + "': use 1-128 characters from a-z A-Z 0-9 : _ - (AWS IoT's rule; no + # / or spaces)");
        }
    }

    public static ThingName of(String value) {
        return new ThingName(value);
    }

    static String printable(String value) {
        if (value == null) {
            return "";
        }
        String shown = value.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
    }

    @Override
    public String toString() {
        return value;
    }
}
