package org.wardwatch.localstack.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.localstack.staff.StaffUsers.StaffUser;
import org.wardwatch.localstack.tenant.FixtureStaffPool;
import org.wardwatch.localstack.tenant.StaffPool;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** The demo's staff in a user pool of the emulator, created from the CDK-shaped fixture. */
class StaffUsersTest {

    private static CognitoIdentityProviderClient cognito;
    private static StaffPool pool;
    private static StaffUsers staff;

    @BeforeAll
    static void demoStaff() {
        cognito = FixtureStaffPool.cognito();
        pool = FixtureStaffPool.create(cognito);
        staff = StaffUsers.createDemo(cognito, pool, new SecureRandom());
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void theDemoStaff_areTwoNursesOfDifferentWards_aNurseInCharge_aClinician_aPharmacist_aBiomedAndAnAdmin() {
        assertThat(staff.all()).extracting(StaffUser::username, StaffUser::groups, StaffUser::wards).containsExactly(
                tuple("nurse-icu3", List.of("nurse"), List.of("ICU-3")),
                tuple("nurse-w5", List.of("nurse"), List.of("W5")),
                tuple("nurse-in-charge-icu3", List.of("nurse_in_charge"), List.of("ICU-3")),
                tuple("clinician-icu3-w5", List.of("clinician"), List.of("ICU-3", "W5")),
                tuple("pharmacist", List.of("pharmacist"), List.of("Pharmacy")),
                tuple("biomed", List.of("biomed"), List.of("ICU-3", "W5", "Pharmacy")),
                tuple("admin", List.of("admin"), List.of("ICU-3")));
    }

    @Test
    void eachUser_isConfirmed_withTheirWardsAttribute_andInTheirGroup() {
        for (StaffUser user : staff.all()) {
            var found = cognito.adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(user.username()));
            assertThat(found.userStatus()).as(user.username()).isEqualTo(UserStatusType.CONFIRMED);
            assertThat(found.userAttributes()).as(user.username())
                    .contains(AttributeType.builder().name("custom:wards").value(String.join(",", user.wards())).build());
            assertThat(cognito.adminListGroupsForUser(b -> b.userPoolId(pool.userPoolId()).username(user.username()))
                    .groups()).extracting(GroupType::groupName).as(user.username()).isEqualTo(user.groups());
        }
    }

    @Test
    void eachUser_signsInWithTheirPassword_throughTheDashboardClient() {
        for (StaffUser user : staff.all()) {
            var result = cognito.initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(java.util.Map.of("USERNAME", user.username(), "PASSWORD", user.password())))
                    .authenticationResult();
            assertThat(result.idToken()).as(user.username()).isNotBlank();
        }
    }

    @Test
    void passwords_areFreshEachRun_andMeetACognitoPolicyRequiringEveryCharacterClass() {
        StaffPool another = FixtureStaffPool.create(cognito);
        StaffUsers again = StaffUsers.createDemo(cognito, another, new SecureRandom());

        assertThat(again.named("nurse-icu3").password()).isNotEqualTo(staff.named("nurse-icu3").password());
        PasswordPolicyType policy = PasswordPolicyType.builder().minimumLength(32).build();
        for (int i = 0; i < 200; i++) {
            assertThat(StaffUsers.password(policy, new SecureRandom())).hasSize(32)
                    .containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[0-9]")
                    .containsPattern("[^a-zA-Z0-9]");
        }
    }

    @Test
    void theConnectionEntries_listUsernamePasswordGroupsAndWards() {
        JsonNode nurse = staff.toJson().get(0);

        assertThat(nurse.path("username").asText()).isEqualTo("nurse-icu3");
        assertThat(nurse.path("password").asText()).isEqualTo(staff.named("nurse-icu3").password());
        assertThat(nurse.path("groups").toString()).isEqualTo("[\"nurse\"]");
        assertThat(nurse.path("wards").toString()).isEqualTo("[\"ICU-3\"]");
        assertThat(staff.toJson()).hasSize(7);
    }
}
