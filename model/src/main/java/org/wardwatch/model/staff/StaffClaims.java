package org.wardwatch.model.staff;

import org.wardwatch.model.tenant.WardName;
import java.util.ArrayList;
import java.util.List;

/**
 * The claims of a staff member's ID token from the tenant's user pool that the staff API reads, and the wards
 * attribute's format: ward names separated by commas, e.g. {@code ICU-3,W5}. There is no "every ward": an admin
 * serves the wards its list names too (the audit is not a ward's).
 */
public final class StaffClaims {

    /** The user's groups: {@link StaffRole#groupName()}s. */
    public static final String GROUPS = "cognito:groups";
    /** Who, in the audit: the user name, which Cognito never changes. */
    public static final String USERNAME = "cognito:username";
    /** The custom attribute as the pool declares it (no prefix). */
    public static final String WARDS_ATTRIBUTE = "wards";
    /** The custom attribute as a token carries it and the CLI names it. */
    public static final String WARDS = "custom:" + WARDS_ATTRIBUTE;
    public static final String TOKEN_USE = "token_use";
    /** The token the API takes: the ID token, which carries the groups and the wards. */
    public static final String ID_TOKEN = "id";
    /** Cognito's limit of a custom string attribute. */
    public static final int WARDS_MAX_LENGTH = 2048;

    /** A ward's name, by the tenant configuration's rule (WardsSection, contacts[].wards). */

    private StaffClaims() {
    }

    /**
     * The wards of a {@link #WARDS} value, in its order; blank or missing means none. Each name follows the tenant
     * configuration's rule of a ward's name (1-64 letters, digits, ' ', '.', '_', '-', starting with a letter or
     * digit), so {@code *} is refused.
     *
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static List<String> wards(String value) {
        List<String> wards = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return wards;
        }
        if (value.length() > WARDS_MAX_LENGTH) {
            throw new IllegalArgumentException(WARDS + ": longer than " + WARDS_MAX_LENGTH + " characters");
        }
        for (String entry : value.split(",", -1)) {
            String ward = entry.strip();
            if (!WardName.valid(ward)) {
                throw new IllegalArgumentException(WARDS + ": '" + ward + "' is not a ward name (1-64 letters, "
                        + "digits, ' ', '.', '_', '-', starting with a letter or digit; no '*')");
            }
            if (!wards.contains(ward)) {
                wards.add(ward);
            }
        }
        return wards;
    }
}
