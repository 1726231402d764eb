package org.wardwatch.model.staff;

import org.wardwatch.model.alert.AlertType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.model.staff.StaffRole.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StaffRoleTest {

    private static Set<StaffRole> thatMay(java.util.function.Predicate<StaffRole> permission) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        Arrays.stream(values()).filter(permission).forEach(roles::add);
        return roles;
    }

    @Test
    void theGroupNames_areTheIssues_six() {
        assertThat(Arrays.stream(values()).map(StaffRole::groupName)).containsExactly(
                "nurse", "nurse_in_charge", "clinician", "pharmacist", "biomed", "admin");
    }

    @Test
    void everyRole_mayReadTheWardsItServes() {
        assertThat(thatMay(StaffRole::mayRead)).containsExactlyInAnyOrder(values());
    }

    @ParameterizedTest
    @EnumSource(value = AlertType.class, names = {"THRESHOLD", "NEWS2", "ENVIRONMENT"})
    void aPatientsOrARoomsAlert_isAcknowledgedByNursesAndAbove_only(AlertType type) {
        assertThat(thatMay(role -> role.mayAcknowledge(type))).containsExactlyInAnyOrder(
                NURSE, NURSE_IN_CHARGE, CLINICIAN);
    }

    @Test
    void aStorageUnitsAlert_isAcknowledgedByThePharmacist_andTheWardsNurses() {
        assertThat(thatMay(role -> role.mayAcknowledge(AlertType.COLD_CHAIN))).containsExactlyInAnyOrder(
                NURSE, NURSE_IN_CHARGE, CLINICIAN, PHARMACIST);
    }

    @Test
    void aDevicesAlert_isAcknowledgedByTheBiomedEngineer_andTheWardsNurses() {
        assertThat(thatMay(role -> role.mayAcknowledge(AlertType.DEVICE))).containsExactlyInAnyOrder(
                NURSE, NURSE_IN_CHARGE, CLINICIAN, BIOMED);
    }

    @Test
    void observations_areRecordedByTheRolesAtTheBedside() {
        assertThat(thatMay(StaffRole::mayRecordObservations)).containsExactlyInAnyOrder(NURSE, NURSE_IN_CHARGE,
                CLINICIAN);
    }

    @Test
    void admissions_areForTheNurseInChargeAndTheClinician() {
        assertThat(thatMay(StaffRole::mayAdmit)).containsExactlyInAnyOrder(NURSE_IN_CHARGE, CLINICIAN);
    }

    @Test
    void settingsAndOverrides_areTheClinicians() {
        assertThat(thatMay(StaffRole::maySetSettings)).containsExactly(CLINICIAN);
    }

    @Test
    void theAudit_isTheAdmins() {
        assertThat(thatMay(StaffRole::mayReadAudit)).containsExactly(ADMIN);
    }

    @Test
    void aTokensGroups_giveTheirRoles_andGroupsThatAreNoRoleAreLeftOut() {
        assertThat(ofGroups(List.of("nurse", "pharmacist", "visitors", "Nurse"))).containsExactly(NURSE, PHARMACIST);
        assertThat(ofGroup("nurse_in_charge")).contains(NURSE_IN_CHARGE);
        assertThat(ofGroup("NURSE_IN_CHARGE")).isEmpty();
        assertThat(ofGroups(List.of())).isEmpty();
    }

    @Test
    void aUserInSeveralGroups_mayWhatAnyOfThemMay() {
        Set<StaffRole> pharmacistAndBiomed = ofGroups(List.of("pharmacist", "biomed"));

        assertThat(anyMay(pharmacistAndBiomed, role -> role.mayAcknowledge(AlertType.COLD_CHAIN))).isTrue();
        assertThat(anyMay(pharmacistAndBiomed, role -> role.mayAcknowledge(AlertType.DEVICE))).isTrue();
        assertThat(anyMay(pharmacistAndBiomed, role -> role.mayAcknowledge(AlertType.NEWS2))).isFalse();
        assertThat(anyMay(pharmacistAndBiomed, StaffRole::mayAdmit)).isFalse();
        assertThat(anyMay(Set.of(), StaffRole::mayRead)).isFalse();
    }
}
