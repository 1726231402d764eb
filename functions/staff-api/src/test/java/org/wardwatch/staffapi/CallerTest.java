package org.wardwatch.staffapi;

import org.wardwatch.model.staff.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the authorizer's claims, and what each role may acknowledge (pure rules, no emulator). */
class CallerTest {

    @Test
    void groupsAreReadInTheFormApiGatewayFlattensThemTo_andAsCommaOrJsonLists() {
        for (String groups : new String[] {"[nurse nurse_in_charge]", "nurse,nurse_in_charge",
                "[\"nurse\",\"nurse_in_charge\"]"}) {
            Caller c = Caller.fromClaims(Map.of("token_use", "id", "cognito:username", "nurse-0017",
                    "cognito:groups", groups, "custom:wards", "ICU-3,W5")).orElseThrow();
            assertThat(c.roles()).as(groups).containsExactlyInAnyOrder(StaffRole.NURSE, StaffRole.NURSE_IN_CHARGE);
            assertThat(c.wards()).containsExactlyInAnyOrder("ICU-3", "W5");
        }
    }

    @Test
    void noClaims_orNoUsername_orAMalformedOne_orAnAccessTokensClaims_nameNobody() {
        assertThat(Caller.fromClaims(null)).isEmpty();
        assertThat(Caller.fromClaims(Map.of())).isEmpty();
        assertThat(Caller.fromClaims(Map.of("token_use", "id", "cognito:groups", "[nurse]", "custom:wards", "ICU-3")))
                .isEmpty();
        assertThat(Caller.fromClaims(Map.of("token_use", "id", "cognito:username", "Ann Smith\n"))).isEmpty();
        assertThat(Caller.fromClaims(Map.of("token_use", "access", "cognito:username", "nurse-0017",
                "cognito:groups", "[nurse]", "custom:wards", "ICU-3"))).isEmpty();
        assertThat(Caller.fromClaims(Map.of("cognito:username", "nurse-0017", "cognito:groups", "[nurse]",
                "custom:wards", "ICU-3"))).isEmpty();
    }

    @Test
    void unknownGroupsAreIgnored_andAStarIsNoWard() {
        Caller c = Caller.fromClaims(Map.of("token_use", "id", "cognito:username", "x",
                "cognito:groups", "[porter admin]", "custom:wards", "*")).orElseThrow();
        assertThat(c.roles()).containsExactly(StaffRole.ADMIN);
        assertThat(c.serves("ICU-3")).isFalse();
    }

    @Test
    void aUserWithoutAKnownGroupServesNoWard() {
        Map<String, String> claims = new HashMap<>(Map.of("token_use", "id", "cognito:username", "x",
                "custom:wards", "ICU-3"));
        assertThat(Caller.fromClaims(claims).orElseThrow().serves("ICU-3")).isFalse();
        claims.put("cognito:groups", "[porter]");
        assertThat(Caller.fromClaims(claims).orElseThrow().serves("ICU-3")).isFalse();
    }

    @ParameterizedTest(name = "{0} acknowledges THRESHOLD {1}, NEWS2 {2}, ENVIRONMENT {3}, COLD_CHAIN {4}, DEVICE {5}")
    @CsvSource({
            "nurse,           true,  true,  true,  true,  true",
            "nurse_in_charge, true,  true,  true,  true,  true",
            "clinician,       true,  true,  true,  true,  true",
            "pharmacist,      false, false, false, true,  false",
            "biomed,          false, false, false, false, true",
            "admin,           false, false, false, false, false"})
    void eachRoleAcknowledgesItsAlertTypes_onAWardItServes_andNoneElsewhere(String group, boolean threshold,
            boolean news2, boolean environment, boolean coldChain, boolean device) {
        Caller c = Caller.fromClaims(Map.of("token_use", "id", "cognito:username", "u",
                "cognito:groups", "[" + group + "]", "custom:wards", "ICU-3")).orElseThrow();
        assertThat(c.mayAcknowledge("ICU-3", "THRESHOLD")).isEqualTo(threshold);
        assertThat(c.mayAcknowledge("ICU-3", "NEWS2")).isEqualTo(news2);
        assertThat(c.mayAcknowledge("ICU-3", "ENVIRONMENT")).isEqualTo(environment);
        assertThat(c.mayAcknowledge("ICU-3", "COLD_CHAIN")).isEqualTo(coldChain);
        assertThat(c.mayAcknowledge("ICU-3", "DEVICE")).isEqualTo(device);
        for (String type : new String[] {"THRESHOLD", "NEWS2", "ENVIRONMENT", "COLD_CHAIN", "DEVICE"}) {
            assertThat(c.mayAcknowledge("W5", type)).as(type + " on W5").isFalse();
        }
    }

    @Test
    void wardsAreTheModelsWardNames_spacesIncluded_andAMalformedAttributeServesNoWard() {
        Caller spaced = Caller.fromClaims(Map.of("token_use", "id", "cognito:username", "u",
                "cognito:groups", "[nurse]", "custom:wards", "Ward 5,ICU-3")).orElseThrow();
        assertThat(spaced.wards()).containsExactlyInAnyOrder("Ward 5", "ICU-3");
        assertThat(spaced.serves("Ward 5")).isTrue();

        Caller star = Caller.fromClaims(Map.of("token_use", "id", "cognito:username", "u",
                "cognito:groups", "[nurse]", "custom:wards", "ICU-3,*")).orElseThrow();
        assertThat(star.wards()).isEmpty();
        assertThat(star.serves("ICU-3")).isFalse();
    }
}
