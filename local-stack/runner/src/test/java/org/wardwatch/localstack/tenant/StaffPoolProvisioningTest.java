package org.wardwatch.localstack.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.emulator.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The tenant template's staff sign-in (user pool, groups, dashboard client), created in the emulator's Cognito
 * from a fixture shaped as CDK synthesizes it, alone and as part of a whole tenant template.
 */
class StaffPoolProvisioningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void clients() {
        cognito = FixtureStaffPool.cognito();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void theUserPool_hasTheTemplatesName_wardsAttribute_adminOnlySignUp_andPasswordPolicy() {
        StaffPool pool = FixtureStaffPool.create(cognito);

        UserPoolType created = cognito.describeUserPool(b -> b.userPoolId(pool.userPoolId())).userPool();
        assertThat(created.name()).isEqualTo("wardwatch-fixture-hospital-staff");
        assertThat(pool.userPoolId()).startsWith("eu-west-2_");
        assertThat(created.adminCreateUserConfig().allowAdminCreateUserOnly()).isTrue();
        assertThat(created.policies().passwordPolicy().minimumLength()).isEqualTo(14);
        assertThat(created.policies().passwordPolicy().requireSymbols()).isTrue();
        SchemaAttributeType wards = created.schemaAttributes().stream()
                .filter(a -> a.name().equals("custom:wards")).findFirst().orElseThrow();
        assertThat(wards.attributeDataTypeAsString()).isEqualTo("String");
        assertThat(wards.mutable()).isTrue();
        assertThat(pool.issuer()).isEqualTo("https://cognito-idp.eu-west-2.amazonaws.com/" + pool.userPoolId());
    }

    @Test
    void theGroups_areCreatedInThePoolTheirRefNames() {
        StaffPool pool = FixtureStaffPool.create(cognito);

        assertThat(cognito.listGroups(b -> b.userPoolId(pool.userPoolId())).groups()).extracting(GroupType::groupName)
                .containsExactlyInAnyOrder("nurse", "nurse_in_charge", "clinician", "pharmacist", "biomed", "admin");
        assertThat(pool.groups())
                .containsExactly("nurse", "nurse_in_charge", "clinician", "pharmacist", "biomed", "admin");
    }

    @Test
    void theDashboardClient_isPublic_withTheTemplatesAuthFlows() {
        StaffPool pool = FixtureStaffPool.create(cognito);

        var client = cognito.describeUserPoolClient(b -> b.userPoolId(pool.userPoolId()).clientId(pool.clientId()))
                .userPoolClient();
        assertThat(client.clientName()).isEqualTo("dashboard");
        assertThat(client.clientSecret()).isNull();
        assertThat(client.explicitAuthFlows()).containsExactlyInAnyOrder(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
    }

    @Test
    void aTenantTemplateWithTheStaffResources_givesTheTenantItsPool_andOneWithoutThemNone(@TempDir Path dir)
            throws Exception {
        try (DynamoDbClient dynamo = client(DynamoDbClient.builder()); SnsClient sns = client(SnsClient.builder());
             SqsClient sqs = client(SqsClient.builder()); IotClient iot = client(IotClient.builder())) {
            TemplateProvisioner provisioner = new TemplateProvisioner(dynamo, sns, sqs, iot, cognito);
            Path twoRules = Path.of(getClass().getResource("/tenant/two-rules.template.json").toURI());

            LocalTenant withStaff = provisioner.provision(withStaffResources(twoRules, dir), FixtureStaffPool.REGION,
                    FixtureStaffPool.ACCOUNT);
            LocalTenant without = provisioner.provision(twoRules, FixtureStaffPool.REGION, FixtureStaffPool.ACCOUNT);

            StaffPool pool = withStaff.staffPool().orElseThrow();
            assertThat(cognito.describeUserPool(b -> b.userPoolId(pool.userPoolId())).userPool().name())
                    .isEqualTo("wardwatch-fixture-hospital-staff");
            assertThat(withStaff.rules()).hasSize(2);
            assertThat(without.staffPool()).isEmpty();
        }
    }

    @Test
    void aUserPoolWithoutADashboardClient_isRefused(@TempDir Path dir) throws Exception {
        ObjectNode template = (ObjectNode) JSON.readTree(FixtureStaffPool.template().toFile());
        ((ObjectNode) template.at("/Resources/StaffUserPoolDashboardClientE5F6A7B8/Properties"))
                .put("ClientName", "kiosk");
        Path file = dir.resolve("no-dashboard.template.json");
        Files.writeString(file, template.toString());

        assertThatThrownBy(() -> new UserPools(cognito).create(
                new TemplateResources(file, FixtureStaffPool.REGION, FixtureStaffPool.ACCOUNT), FixtureStaffPool.REGION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the tenant template's user pool has no app client named dashboard");
    }

    /** The two-rules tenant template with the staff pool fixture's resources added. */
    private static Path withStaffResources(Path tenant, Path dir) throws Exception {
        ObjectNode template = (ObjectNode) JSON.readTree(tenant.toFile());
        ObjectNode staff = (ObjectNode) JSON.readTree(FixtureStaffPool.template().toFile()).get("Resources");
        ((ObjectNode) template.get("Resources")).setAll(staff);
        Path file = dir.resolve("with-staff.template.json");
        Files.writeString(file, template.toString());
        return file;
    }

    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(MotoServer.shared().endpoint()).region(Region.of(FixtureStaffPool.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
