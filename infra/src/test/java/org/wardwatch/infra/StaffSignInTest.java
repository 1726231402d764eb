package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.staff.StaffRole;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.ref;

/** The tenant's staff user pool, its groups and the dashboard's app client, as synthesized. */
class StaffSignInTest {

    private static Template template;
    private static String pool;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedTenants.get().jvm;
        pool = TemplateJson.logicalId(template, "AWS::Cognito::UserPool", "StaffSignInUserPool");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String type, String idPrefix) {
        return (Map<String, Object>) TemplateJson.resources(template)
                .get(TemplateJson.logicalId(template, type, idPrefix)).get("Properties");
    }

    @Test
    void theTenantHasOneUserPool_namedAfterIt_whereOnlyTheAdminCreatesUsers_whoSignInByUsername() {
        template.resourceCountIs("AWS::Cognito::UserPool", 1);
        template.hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "UserPoolName", "wardwatch-st-aurelia-staff",
                "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true),
                "UsernameConfiguration", Map.of("CaseSensitive", false),
                "UsernameAttributes", Match.absent(),
                "AliasAttributes", Match.absent(),
                "AutoVerifiedAttributes", Match.absent()));
    }

    @Test
    void passwords_areLongAndMixed_andATemporaryOneLastsThreeDays() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Map.of("Policies", Map.of("PasswordPolicy", Map.of(
                "MinimumLength", 14, "RequireLowercase", true, "RequireUppercase", true, "RequireNumbers", true,
                "RequireSymbols", true, "TemporaryPasswordValidityDays", 3))));
    }

    @Test
    void mfa_isOptional_byAuthenticatorAppOnly_soThePoolNeedsNoSmsRole() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "MfaConfiguration", "OPTIONAL",
                "EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"),
                "SmsConfiguration", Match.absent()));
        assertThat(template.findResources("AWS::IAM::Role").values())
                .allSatisfy(role -> assertThat(role.toString()).doesNotContain("cognito-idp"));
    }

    @Test
    void aForgottenPassword_isResetByTheAdmin_only() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Map.of("AccountRecoverySetting", Map.of(
                "RecoveryMechanisms", List.of(Map.of("Name", "admin_only", "Priority", 1)))));
    }

    @Test
    void thePool_isProtectedFromDeletion_andRetained() {
        template.hasResource("AWS::Cognito::UserPool", Map.of(
                "Properties", Match.objectLike(Map.of("DeletionProtection", "ACTIVE")),
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void theWardsAUserServes_areAMutableCustomStringAttribute_andTheOnlyOne() {
        assertThat(properties("AWS::Cognito::UserPool", "StaffSignInUserPool").get("Schema")).isEqualTo(List.of(
                Map.of("Name", "wards", "AttributeDataType", "String", "Mutable", true,
                        "StringAttributeConstraints", Map.of("MinLength", "0", "MaxLength", "2048"))));
    }

    @Test
    void thePoolHasOneGroupPerRole() {
        List<Object> groups = template.findResources("AWS::Cognito::UserPoolGroup").values().stream()
                .map(group -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> properties = (Map<String, Object>) group.get("Properties");
                    assertThat(properties.get("UserPoolId")).isEqualTo(ref(pool));
                    assertThat(properties).doesNotContainKey("RoleArn");
                    return properties.get("GroupName");
                }).toList();

        assertThat(groups).containsExactlyInAnyOrder(Arrays.stream(StaffRole.values()).map(StaffRole::groupName)
                .toArray())
                .containsExactlyInAnyOrder("nurse", "nurse_in_charge", "clinician", "pharmacist", "biomed", "admin");
    }

    @Test
    void theDashboardClient_isPublic_signsInWithPasswordOrSrp_andHasNoOAuth() {
        template.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "UserPoolId", ref(pool),
                "ClientName", "dashboard",
                "GenerateSecret", false,
                "ExplicitAuthFlows", Match.arrayEquals(List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH",
                        "ALLOW_REFRESH_TOKEN_AUTH")),
                "AllowedOAuthFlowsUserPoolClient", false,
                "AllowedOAuthFlows", Match.absent(),
                "CallbackURLs", Match.absent(),
                "PreventUserExistenceErrors", "ENABLED",
                "EnableTokenRevocation", true));
    }

    @Test
    void theDashboardsTokens_lastAnHour_andItsRefreshTokenAShift() {
        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "IdTokenValidity", 60, "AccessTokenValidity", 60, "RefreshTokenValidity", 720,
                "TokenValidityUnits", Map.of("IdToken", "minutes", "AccessToken", "minutes",
                        "RefreshToken", "minutes")));
    }

    @Test
    void theDashboard_readsTheWards_butCannotWriteThem() {
        Map<String, Object> client = properties("AWS::Cognito::UserPoolClient", "StaffSignInDashboard");

        assertThat(client.get("ReadAttributes")).isEqualTo(List.of("custom:wards", "email", "email_verified", "name"));
        // listed, so that Cognito's default set of writable attributes never applies: the name, not the wards
        assertThat(client.get("WriteAttributes")).isEqualTo(List.of("name"));
    }

    @Test
    void theStackOutputs_thePoolAndTheClient() {
        template.hasOutput("StaffUserPoolId", Map.of("Value", ref(pool)));
        template.hasOutput("DashboardClientId", Map.of("Value", ref(TemplateJson.logicalId(template,
                "AWS::Cognito::UserPoolClient", "StaffSignInDashboard"))));
    }
}
