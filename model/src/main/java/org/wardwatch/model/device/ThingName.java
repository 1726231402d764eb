package org.wardwatch.model.device;

import java.util.regex.Pattern;

/**
 * An AWS IoT thing name, which is also the device certificate's CN, its MQTT client id and a topic level. IoT
 * Core's own rule, {@code [a-zA-Z0-9:_-]{1,128}}, keeps {@code +}, {@code #} and {@code /} out of topic filters.
 */
public record ThingName(String value) {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");

    /** The rule, as messages state it. */
    public static final String RULE = "1-128 characters from a-z A-Z 0-9 : _ - (AWS IoT's rule; no + # / or spaces)";

    public ThingName {
        if (!isValid(value)) {
            throw new InvalidNameException("invalid thing name '" + InvalidNameException.printable(value) + "': use "
                    + RULE);
        }
    }

    public static ThingName of(String value) {
        return new ThingName(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
