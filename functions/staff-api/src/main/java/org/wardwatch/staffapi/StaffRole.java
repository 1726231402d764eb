package org.wardwatch.staffapi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The staff groups of the tenant's user pool (issue 16), by their Cognito group names.
 *
 * <p>TO BE REPLACED at integration by the model's {@code org.wardwatch.model.staff.StaffRole} (written in parallel);
 * this package-private copy holds the same names so the staff API can be built and tested before it lands.
 */
enum StaffRole {
    NURSE("nurse"),
    NURSE_IN_CHARGE("nurse_in_charge"),
    CLINICIAN("clinician"),
    PHARMACIST("pharmacist"),
    BIOMED("biomed"),
    ADMIN("admin");

    private final String group;

    StaffRole(String group) {
        this.group = group;
    }

    String group() {
        return group;
    }

    /** Nurse and above: the roles that acknowledge any alert of the wards they serve. */
    boolean clinical() {
        return this == NURSE || this == NURSE_IN_CHARGE || this == CLINICIAN;
    }

    static Optional<StaffRole> ofGroup(String group) {
        return Arrays.stream(values()).filter(r -> r.group.equals(group)).findFirst();
    }
}
