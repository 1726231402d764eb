package org.wardwatch.functions.core;

import java.util.regex.Pattern;

/**
 * The rule of an admission's patient reference: opaque, never a name or a hospital number. 3-40 characters of
 * {@code A-Z a-z 0-9 . _ -} with at least one digit, so a name ("Jane", "O'Brien", "Jane Smith") is refused. A
 * refusal never repeats the value: it may be patient data.
 */
public final class PatientRef {

    public static final String RULE =
            "patientRef must be an opaque reference such as adm-0003, never a name or hospital number";

    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9._-]{3,40}");
    private static final Pattern DIGIT = Pattern.compile(".*[0-9].*");

    private PatientRef() {
    }

    public static boolean isOpaque(String patientRef) {
        return patientRef != null && OPAQUE.matcher(patientRef).matches() && DIGIT.matcher(patientRef).matches();
    }
}
