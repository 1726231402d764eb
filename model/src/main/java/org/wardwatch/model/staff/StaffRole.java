package org.wardwatch.model.staff;

import org.wardwatch.model.alert.AlertType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A member of staff's role: one Cognito group of the tenant's user pool each, and what the role may do (issue 16).
 * Where a role may do it is the user's wards ({@link StaffClaims#WARDS}): the API checks both, for every request.
 * A user in several groups may do what any of them may ({@link #anyMay}).
 *
 * <ul>
 *   <li>read a ward: every role, on the wards the user serves (an admin too: no role reads every ward);</li>
 *   <li>acknowledge: nurse, nurse in charge and clinician any alert of their wards (nurse and above: a ward's
 *       nurses also take its fridge's excursion or a monitor's flat battery, so that no alert of a ward waits for
 *       someone who may not be on shift); the pharmacist a storage unit's (cold chain); the biomed engineer a
 *       device's;</li>
 *   <li>record a patient's observations that NEWS2 scores (consciousness, air or oxygen): nurse, nurse in charge,
 *       clinician (those at the bedside);</li>
 *   <li>admit, transfer, discharge: nurse in charge, clinician;</li>
 *   <li>set a patient's SpO2 scale and threshold overrides: clinician;</li>
 *   <li>read the audit: admin (the audit is the tenant's, not a ward's).</li>
 * </ul>
 */
public enum StaffRole {
    NURSE("nurse", EnumSet.allOf(AlertType.class)),
    NURSE_IN_CHARGE("nurse_in_charge", EnumSet.allOf(AlertType.class)),
    CLINICIAN("clinician", EnumSet.allOf(AlertType.class)),
    PHARMACIST("pharmacist", EnumSet.of(AlertType.COLD_CHAIN)),
    BIOMED("biomed", EnumSet.of(AlertType.DEVICE)),
    ADMIN("admin", EnumSet.noneOf(AlertType.class));

    private final String groupName;
    private final Set<AlertType> acknowledges;

    StaffRole(String groupName, Set<AlertType> acknowledges) {
        this.groupName = groupName;
        this.acknowledges = acknowledges;
    }

    /** The Cognito group of this role, e.g. {@code nurse_in_charge}. */
    public String groupName() {
        return groupName;
    }

    /** Every role reads the wards its user serves. */
    public boolean mayRead() {
        return true;
    }

    public boolean mayAcknowledge(AlertType type) {
        return acknowledges.contains(type);
    }

    /** Record a patient's nurse observations (consciousness, air or oxygen): the roles at the bedside. */
    public boolean mayRecordObservations() {
        return this == NURSE || this == NURSE_IN_CHARGE || this == CLINICIAN;
    }

    /** Admit, transfer and discharge a patient. */
    public boolean mayAdmit() {
        return this == NURSE_IN_CHARGE || this == CLINICIAN;
    }

    /** A patient's SpO2 scale and threshold overrides. */
    public boolean maySetSettings() {
        return this == CLINICIAN;
    }

    public boolean mayReadAudit() {
        return this == ADMIN;
    }

    /** The role of a group name, or empty for a group that is not a role (a pool may have others). */
    public static Optional<StaffRole> ofGroup(String groupName) {
        for (StaffRole role : values()) {
            if (role.groupName.equals(groupName)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The roles among a token's groups ({@link StaffClaims#GROUPS}); groups that are no role are left out. */
    public static Set<StaffRole> ofGroups(Collection<String> groupNames) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        groupNames.forEach(group -> ofGroup(group).ifPresent(roles::add));
        return roles;
    }

    /** Whether any of the roles may, e.g. {@code anyMay(roles, StaffRole::mayAdmit)}. */
    public static boolean anyMay(Set<StaffRole> roles, java.util.function.Predicate<StaffRole> permission) {
        return roles.stream().anyMatch(permission);
    }
}
