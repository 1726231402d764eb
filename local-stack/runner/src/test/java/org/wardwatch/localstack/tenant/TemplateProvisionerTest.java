package org.wardwatch.localstack.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.localstack.rules.UnsupportedRuleException;
import org.wardwatch.model.tenant.Handler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Reading every topic rule of a tenant template, against the emulator: a hand-written template with a telemetry
 * and a presence rule (the shape infra synthesizes with the presence rule), and variants the local stack refuses.
 * The real synthesized template, with its one rule, is read by every {@code LocalStack} test.
 */
class TemplateProvisionerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "eu-west-2";
    private static final String ACCOUNT = "123456789012";

    private static DynamoDbClient dynamo;
    private static SnsClient sns;
    private static SqsClient sqs;
    private static IotClient iot;
    private static CognitoIdentityProviderClient cognito;
    private static TemplateProvisioner provisioner;

    @BeforeAll
    static void clients() {
        dynamo = client(DynamoDbClient.builder());
        sns = client(SnsClient.builder());
        sqs = client(SqsClient.builder());
        iot = client(IotClient.builder());
        cognito = client(CognitoIdentityProviderClient.builder());
        provisioner = new TemplateProvisioner(dynamo, sns, sqs, iot, cognito);
    }

    @AfterAll
    static void close() {
        dynamo.close();
        sns.close();
        sqs.close();
        iot.close();
        cognito.close();
    }

    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(MotoServer.shared().endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(TemplateProvisionerTest.class.getResource("/tenant/two-rules.template.json").toURI());
    }

    /** The fixture with one change, written to {@code dir}. */
    private static Path variant(Path dir, Consumer<ObjectNode> change) throws Exception {
        ObjectNode template = (ObjectNode) JSON.readTree(fixture().toFile());
        change.accept((ObjectNode) template.get("Resources"));
        Path file = dir.resolve("variant.template.json");
        Files.writeString(file, template.toString());
        return file;
    }

    private static String queueUrl(String name) {
        return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    @Test
    void twoRules_areReadInTemplateOrder_eachWithItsFunctionAndQueues_andTheDisabledRuleIsLeftOut() throws Exception {
        LocalTenant tenant = provisioner.provision(fixture(), REGION, ACCOUNT);

        String deadLetters = queueUrl("wardwatch-fixture-hospital-ingest-dlq");
        String failures = queueUrl("wardwatch-fixture-hospital-ingest-failures");
        assertThat(tenant.rules()).extracting(TenantRule::name)
                .containsExactly("wardwatch_fixture_hospital_telemetry", "wardwatch_fixture_hospital_presence");

        TenantRule presence = tenant.ruleFor(Handler.PRESENCE.handlerName()).orElseThrow();
        assertThat(presence.sql()).isEqualTo("SELECT * FROM '$aws/events/presence/+/+'");
        assertThat(presence.errorQueueUrl()).isEqualTo(deadLetters);
        TenantRule.Target function = presence.target();
        assertThat(function.handlerName()).isEqualTo("presence");
        assertThat(function.functionName()).isEqualTo("wardwatch-fixture-hospital-presence");
        assertThat(function.functionArn())
                .isEqualTo("arn:aws:lambda:eu-west-2:123456789012:function:wardwatch-fixture-hospital-presence");
        assertThat(function.runtimeHandler())
                .isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        assertThat(function.environment()).containsEntry("QUARKUS_LAMBDA_HANDLER", "presence")
                .containsEntry("WARDWATCH_TENANT_ID", "fixture-hospital");
        assertThat(function.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(function.memoryMb()).isEqualTo(512);
        assertThat(function.retryAttempts()).as("from the alias' invoke configuration").isEqualTo(1);
        assertThat(function.onFailureQueueUrl()).isEqualTo(failures);

        TenantRule telemetry = tenant.telemetryRule();
        assertThat(telemetry.target().handlerName()).isEqualTo("telemetry");
        assertThat(telemetry.target().retryAttempts()).isEqualTo(2);
        assertThat(tenant.ruleFor(Handler.REDRIVE.handlerName())).isEmpty();
        assertThat(tenant.environments()).containsKeys("telemetry", "presence", "redrive");
    }

    @Test
    void telemetryAccessors_stillDescribeTheTelemetryRule() throws Exception {
        LocalTenant tenant = provisioner.provision(fixture(), REGION, ACCOUNT);

        assertThat(tenant.tenantId()).isEqualTo("fixture-hospital");
        assertThat(tenant.ruleName()).isEqualTo("wardwatch_fixture_hospital_telemetry");
        assertThat(tenant.ruleSql()).startsWith("SELECT encode(*, 'base64') AS payload");
        assertThat(tenant.ruleErrorQueueUrl()).isEqualTo(queueUrl("wardwatch-fixture-hospital-ingest-dlq"));
        assertThat(tenant.onFailureQueueUrl()).isEqualTo(queueUrl("wardwatch-fixture-hospital-ingest-failures"));
        assertThat(tenant.functionName()).isEqualTo("wardwatch-fixture-hospital-telemetry");
        assertThat(tenant.functionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(tenant.functionMemoryMb()).isEqualTo(1024);
        assertThat(tenant.retryAttempts()).isEqualTo(2);
        assertThat(tenant.functionEnvironment()).containsEntry("QUARKUS_LAMBDA_HANDLER", "telemetry");
    }

    @Test
    void ruleInvokingAFunctionOutsideTheTemplate_isRefused(@TempDir Path dir) throws Exception {
        Path template = variant(dir, r -> ((ObjectNode) r.at(
                "/PresenceTopicRule/Properties/TopicRulePayload/Actions/0/Lambda")).put("FunctionArn", "arn:aws:lambda:eu-west-2:123456789012:function:someone-elses-function:live"));

        assertThatThrownBy(() -> provisioner.provision(template, REGION, ACCOUNT))
                .isInstanceOf(UnsupportedRuleException.class)
                .hasMessageContaining("wardwatch_fixture_hospital_presence")
                .hasMessageContaining("is not a Lambda function of the tenant template");
    }

    @Test
    void ruleWithAnActionThatIsNotLambda_isRefused(@TempDir Path dir) throws Exception {
        Path template = variant(dir, r -> ((ObjectNode) r.at("/PresenceTopicRule/Properties/TopicRulePayload"))
                .set("Actions", JSON.createArrayNode().add(JSON.createObjectNode().set("Sns",
                        JSON.createObjectNode().put("TargetArn", "arn:aws:sns:eu-west-2:123456789012:x")))));

        assertThatThrownBy(() -> provisioner.provision(template, REGION, ACCOUNT))
                .isInstanceOf(UnsupportedRuleException.class)
                .hasMessageContaining("only one Lambda action per rule");
    }

    @Test
    void ruleWithoutAnErrorAction_isRefused(@TempDir Path dir) throws Exception {
        Path template = variant(dir, r -> ((ObjectNode) r.at("/PresenceTopicRule/Properties/TopicRulePayload"))
                .remove("ErrorAction"));

        assertThatThrownBy(() -> provisioner.provision(template, REGION, ACCOUNT))
                .isInstanceOf(UnsupportedRuleException.class)
                .hasMessageContaining("no SQS error action");
    }

    @Test
    void ruleFunctionWithoutAnOnFailureDestination_isRefused(@TempDir Path dir) throws Exception {
        Path template = variant(dir, r -> r.remove("PresenceLiveAliasEventInvokeConfig"));

        assertThatThrownBy(() -> provisioner.provision(template, REGION, ACCOUNT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wardwatch-fixture-hospital-presence has no asynchronous invoke configuration");
    }

    /** A route's target as CDK writes it: {@code integrations/<the integration's Ref>}. */
    private static com.fasterxml.jackson.databind.node.ArrayNode integrationTarget() {
        var join = JSON.createArrayNode().add("");
        join.addArray().add("integrations/").addObject().put("Ref", "StaffApiIntegration");
        return join;
    }

    /** The staff API's function and its HTTP API as CDK writes them: one integration, a JWT authorizer, two routes. */
    private static void staffApi(ObjectNode r, String payloadVersion) {
        ObjectNode function = r.putObject("StaffApiFunction");
        function.put("Type", "AWS::Lambda::Function");
        ObjectNode properties = function.putObject("Properties");
        properties.put("FunctionName", "wardwatch-fixture-hospital-staff-api");
        properties.put("Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        properties.put("Timeout", 10).put("MemorySize", 1024);
        properties.putObject("Environment").putObject("Variables")
                .put("WARDWATCH_TENANT_ID", "fixture-hospital")
                .put("WARDWATCH_AUDIT_TABLE", "wardwatch-fixture-hospital-audit");
        r.putObject("StaffApiHttpApi").put("Type", "AWS::ApiGatewayV2::Api").putObject("Properties")
                .put("Name", "wardwatch-fixture-hospital-staff-api").put("ProtocolType", "HTTP");
        ObjectNode integration = r.putObject("StaffApiIntegration").put("Type", "AWS::ApiGatewayV2::Integration")
                .putObject("Properties").put("IntegrationType", "AWS_PROXY").put("PayloadFormatVersion", payloadVersion);
        integration.putObject("ApiId").put("Ref", "StaffApiHttpApi");
        integration.putObject("IntegrationUri").set("Fn::GetAtt",
                JSON.createArrayNode().add("StaffApiFunction").add("Arn"));
        ObjectNode authorizer = r.putObject("StaffApiSignIn").put("Type", "AWS::ApiGatewayV2::Authorizer")
                .putObject("Properties").put("AuthorizerType", "JWT").put("Name", "staff-sign-in");
        ObjectNode jwt = authorizer.putObject("JwtConfiguration")
                .put("Issuer", "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_fixture");
        jwt.putArray("Audience").add("dashboard-client");
        ObjectNode wards = r.putObject("StaffApiGETwards").put("Type", "AWS::ApiGatewayV2::Route")
                .putObject("Properties").put("RouteKey", "GET /wards").put("AuthorizationType", "JWT");
        wards.putObject("Target").set("Fn::Join", integrationTarget());
        ObjectNode openapi = r.putObject("StaffApiGETopenapi").put("Type", "AWS::ApiGatewayV2::Route")
                .putObject("Properties").put("RouteKey", "GET /openapi").put("AuthorizationType", "NONE");
        openapi.putObject("Target").set("Fn::Join", integrationTarget());
        r.putObject("StaffApiDefaultStage").put("Type", "AWS::ApiGatewayV2::Stage").putObject("Properties")
                .put("StageName", "$default").putObject("ApiId").put("Ref", "StaffApiHttpApi");
    }

    @Test
    void theStaffApisFunction_withoutAHandler_isReadForTheApiFront_withItsRoutesAndAuthorizer_notAsARuleFunction(
            @TempDir Path dir) throws Exception {
        Path template = variant(dir, r -> staffApi(r, "2.0"));

        LocalTenant tenant = provisioner.provision(template, REGION, ACCOUNT);

        assertThat(tenant.environments()).containsOnlyKeys("telemetry", "presence", "redrive");
        assertThat(tenant.environments().get("telemetry")).containsEntry("QUARKUS_LAMBDA_HANDLER", "telemetry")
                .doesNotContainKey("WARDWATCH_AUDIT_TABLE");
        assertThat(tenant.rules()).extracting(TenantRule::name)
                .containsExactly("wardwatch_fixture_hospital_telemetry", "wardwatch_fixture_hospital_presence");
        TenantHttpApi api = tenant.httpApi().orElseThrow();
        assertThat(api.routes()).containsExactly(
                new TenantHttpApi.Route("GET /wards", true, java.time.Duration.ofSeconds(30)),
                new TenantHttpApi.Route("GET /openapi", false, java.time.Duration.ofSeconds(30)));
        assertThat(api.issuer()).isEqualTo("https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_fixture");
        assertThat(api.audience()).containsExactly("dashboard-client");
        assertThat(api.function().functionName()).isEqualTo("wardwatch-fixture-hospital-staff-api");
        assertThat(api.function().timeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(api.function().environment()).containsEntry("WARDWATCH_AUDIT_TABLE", "wardwatch-fixture-hospital-audit");
    }

    @Test
    void anHttpApiTheFrontCannotServeAsApiGatewayWould_isRefused(@TempDir Path dir) throws Exception {
        Path template = variant(dir, r -> staffApi(r, "1.0"));

        assertThatThrownBy(() -> provisioner.provision(template, REGION, ACCOUNT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a Lambda proxy integration with payload format 2.0");
    }

    @Test
    void aTemplateWithoutAnHttpApi_hasNone() throws Exception {
        assertThat(provisioner.provision(fixture(), REGION, ACCOUNT).httpApi()).isEmpty();
    }
}
