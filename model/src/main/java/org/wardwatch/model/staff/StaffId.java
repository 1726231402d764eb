package org.wardwatch.model.staff;

import java.util.regex.Pattern;

/**
 * A staff member's identifier as wardwatch records it ({@code by} of an admission, observation or acknowledgement;
 * the signed-in user's {@code cognito:username}): 1-64 of {@code A-Z a-z 0-9 . _ @ : -}, never a patient's.
 */
public final class StaffId {

    /** The identifiers accepted. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._@:-]{1,64}");
    /** The rule, as error messages state it. */
    public static final String RULE = "a staff identifier: 1-64 of A-Z a-z 0-9 . _ @ : -";

    private StaffId() {
    }

    public static boolean valid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
