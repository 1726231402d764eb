package org.wardwatch.model.tenant;

import java.util.regex.Pattern;

/**
 * The rule of a ward's name (and of a bed's or room's, which the same requests carry), as the tenant configuration
 * ({@code wards}, {@code contacts[].wards}), a staff member's {@code custom:wards}, the operator functions' requests
 * and the staff API's paths take it: 1-64 letters, digits, ' ', '.', '_', '-', starting with a letter or digit.
 */
public final class WardName {

    /** The rule as a regular expression (a constant: the staff API's OpenAPI annotations name it too). */
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}";
    public static final Pattern PATTERN = Pattern.compile(REGEX);

    private WardName() {
    }

    public static boolean valid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }
}
