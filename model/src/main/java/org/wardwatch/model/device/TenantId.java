package org.wardwatch.model.device;

import java.util.regex.Pattern;

/**
 * A tenant (hospital) id. It becomes a topic level and part of every resource name (stack, tables, IoT policy and
 * rules), so it is kept to 3-32 lower-case letters, digits and inner hyphens. This is the one rule: infra refuses a
 * configuration, device-certs a command, with it.
 */
public record TenantId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,30}[a-z0-9]");

    /** The rule, as messages state it. */
    public static final String RULE = "3-32 characters of a-z, 0-9 and '-', starting and ending with a letter or digit";

    public TenantId {
        if (!isValid(value)) {
            throw new InvalidNameException("invalid tenant id '" + InvalidNameException.printable(value) + "': use "
                    + RULE);
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
