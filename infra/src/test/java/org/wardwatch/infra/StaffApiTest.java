package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.staff.StaffApiRoutes;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.arnOf;
import static org.wardwatch.infra.TemplateJson.ref;

/**
 * The staff API: its HTTP API, JWT authorizer of the staff pool and dashboard client, routes, stage and function, as
 * synthesized. What its role may do is in {@link LeastPrivilegeTest}.
 */
class StaffApiTest {

    private static Template jvm;
    private static Template nativeTemplate;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        nativeTemplate = SynthesizedTenants.get().nativeTemplate;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Template template, String logicalId) {
        return (Map<String, Object>) TemplateJson.resources(template).get(logicalId).get("Properties");
    }

    /** Every route of the template by its key ({@code GET /alerts}). */
    private static Map<String, Map<String, Object>> routes(Template template) {
        Map<String, Map<String, Object>> routes = new TreeMap<>();
        for (String id : TemplateJson.logicalIds(template, "AWS::ApiGatewayV2::Route")) {
            routes.put((String) properties(template, id).get("RouteKey"), properties(template, id));
        }
        return routes;
    }

    private static List<String> allRoutes() {
        List<String> all = new java.util.ArrayList<>(StaffApiRoutes.AUTHORIZED);
        all.addAll(StaffApiRoutes.PUBLIC);
        return all;
    }

    private static String authorizer(Template template) {
        return TemplateJson.logicalId(template, "AWS::ApiGatewayV2::Authorizer", "StaffApi");
    }

    @Test
    void theTenantHasOneHttpApi_namedAfterIt_withoutCors() {
        jvm.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
        jvm.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of(
                "Name", "wardwatch-st-aurelia-staff-api",
                "ProtocolType", "HTTP",
                "CorsConfiguration", Match.absent()));
    }

    @Test
    void theJwtAuthorizer_acceptsOnlyTokensOfTheStaffPool_issuedToTheDashboardClient() {
        String pool = TemplateJson.logicalId(jvm, "AWS::Cognito::UserPool", "StaffSignInUserPool");
        String dashboard = TemplateJson.logicalId(jvm, "AWS::Cognito::UserPoolClient", "StaffSignInDashboard");
        jvm.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 1);

        assertThat(properties(jvm, authorizer(jvm))).containsAllEntriesOf(Map.of(
                "AuthorizerType", "JWT",
                "IdentitySource", List.of("$request.header.Authorization"),
                "JwtConfiguration", Map.of(
                        "Audience", List.of(ref(dashboard)),
                        "Issuer", Map.of("Fn::Join", List.of("", List.of(
                                "https://cognito-idp.eu-west-1.amazonaws.com/", ref(pool)))))));
    }

    @Test
    void everyRouteButTheOpenApiDocument_needsTheJwtAuthorizer() {
        for (Template template : List.of(jvm, nativeTemplate)) {
            Map<String, Map<String, Object>> routes = routes(template);
            // spelt out here, not read from StaffApiRoutes: these keys are the contract with the function
            assertThat(routes.keySet()).containsExactlyInAnyOrder(
                    "GET /alerts", "GET /alerts/{alertId}", "POST /alerts/{alertId}/ack",
                    "GET /wards", "GET /wards/{ward}/beds",
                    "GET /beds/{ward}/{bed}/readings",
                    "POST /wards/{ward}/beds/{bed}/admission", "DELETE /wards/{ward}/beds/{bed}/admission",
                    "PUT /wards/{ward}/beds/{bed}/admission/settings",
                    "POST /wards/{ward}/beds/{bed}/observations",
                    "GET /devices",
                    "GET /storage", "GET /storage/{device}/excursions",
                    "POST /storage/{device}/excursions/{start}/ack", "GET /storage/{device}/temperature-log",
                    "GET /audit",
                    "GET /openapi", "GET /dashboard", "GET /dashboard/{file}");
            assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(allRoutes());
            routes.forEach((key, route) -> {
                if (StaffApiRoutes.PUBLIC.contains(key)) {
                    assertThat(route.get("AuthorizationType")).as(key).isEqualTo("NONE");
                    assertThat(route).as(key).doesNotContainKey("AuthorizerId");
                } else {
                    assertThat(route.get("AuthorizationType")).as(key).isEqualTo("JWT");
                    assertThat(route.get("AuthorizerId")).as(key).isEqualTo(ref(authorizer(template)));
                }
            });
        }
    }

    @Test
    void everyRoute_invokesTheFunctionsLiveAlias_withPayloadFormat2() {
        String alias = TemplateJson.logicalId(jvm, "AWS::Lambda::Alias", "StaffApiLiveAlias");
        String integration = TemplateJson.logicalId(jvm, "AWS::ApiGatewayV2::Integration", "StaffApi");
        jvm.hasResourceProperties("AWS::ApiGatewayV2::Integration", Map.of(
                "IntegrationType", "AWS_PROXY",
                "IntegrationUri", ref(alias),
                "PayloadFormatVersion", "2.0"));
        routes(jvm).forEach((key, route) -> assertThat(route.get("Target")).as(key).isEqualTo(Map.of(
                "Fn::Join", List.of("", List.of("integrations/", ref(integration))))));
        jvm.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "FunctionName", ref(alias),
                "Principal", "apigateway.amazonaws.com"));
    }

    @Test
    void theDefaultStage_deploysItself_isThrottled_andLogsEachRequestToAnEncryptedLogGroup() {
        String accessLogs = TemplateJson.logicalId(jvm, "AWS::Logs::LogGroup", "StaffApiAccessLogs");
        jvm.resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        jvm.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "StageName", "$default",
                "AutoDeploy", true,
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100),
                "AccessLogSettings", Map.of("DestinationArn", arnOf(accessLogs),
                        "Format", StaffApi.ACCESS_LOG_FORMAT)));
        assertThat(properties(jvm, accessLogs)).containsAllEntriesOf(Map.of(
                "LogGroupName", "/aws/vendedlogs/wardwatch-st-aurelia-staff-api-access",
                "KmsKeyId", arnOf(TemplateJson.logicalId(jvm, "AWS::KMS::Key", "DataKey")),
                "RetentionInDays", 90));
        assertThat(StaffApi.ACCESS_LOG_FORMAT).doesNotContain("querystring", "body", "header", "claims");
    }

    @Test
    void theFunction_isTheStaffApisArtifact_onJava21WithSnapStart_inEveryTenant_withTenSecondsAndTenReserved() {
        for (Template template : List.of(jvm, nativeTemplate)) {
            String function = TemplateJson.logicalId(template, "AWS::Lambda::Function", "StaffApiFunction");
            assertThat(properties(template, function)).containsAllEntriesOf(Map.of(
                    "Handler", TenantFunction.JVM_HANDLER,
                    "Runtime", "java21",
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                    "Timeout", 10,
                    "ReservedConcurrentExecutions", 10));
            // the tenant configuration's layer, as every function has it (the wards' vitals policies)
            assertThat(properties(template, function).get("Layers"))
                    .isEqualTo(properties(template, TemplateJson.logicalId(template, "AWS::Lambda::Function",
                            "IngestFunction")).get("Layers"));
        }
        assertThat(properties(jvm, TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "StaffApiFunction"))
                .get("FunctionName")).isEqualTo("wardwatch-st-aurelia-staff-api");
    }

    @Test
    void theFunctionsEnvironment_isWhatTheStaffApiReads_withTheAuditTable_andNoHandler() {
        // the functions' own names and values where they share them; the audit table its own
        Map<String, Object> telemetry = TemplateJson.environment(jvm, "IngestFunction");
        Map<String, Object> expected = new TreeMap<>();
        expected.put("JAVA_TOOL_OPTIONS", TenantFunction.JVM_OPTIONS);
        for (String name : List.of("WARDWATCH_TENANT_ID", "WARDWATCH_READINGS_TABLE", "WARDWATCH_ALERT_TOPIC_ARN",
                "WARDWATCH_TIME_ZONE", "WARDWATCH_DEVICES_TABLE", "WARDWATCH_CONFIG_FILE")) {
            expected.put(name, telemetry.get(name));
        }
        expected.put("WARDWATCH_AUDIT_TABLE", ref(TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "AuditTable")));
        expected.put("WARDWATCH_DASHBOARD_CLIENT_ID", ref(TemplateJson.logicalId(jvm, "AWS::Cognito::UserPoolClient",
                "StaffSignInDashboard")));

        assertThat(TemplateJson.environment(jvm, "StaffApiFunction")).isEqualTo(expected);
    }

    @Test
    void theHospitalsTimeZone_forTheTemperatureLogsDays_comesFromTheConfig_andIsUtcWhenItSaysNothing() {
        assertThat(TemplateJson.environment(jvm, "StaffApiFunction"))
                .containsEntry("WARDWATCH_TIME_ZONE", "Europe/London");
        assertThat(TemplateJson.environment(nativeTemplate, "StaffApiFunction"))
                .containsEntry("WARDWATCH_TIME_ZONE", "UTC");
    }

    @Test
    void theStackOutputsTheApisUrl() {
        String api = TemplateJson.logicalId(jvm, "AWS::ApiGatewayV2::Api", "StaffApi");
        jvm.hasOutput("StaffApiUrl", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                "https://", ref(api), ".execute-api.eu-west-1.", Map.of("Ref", "AWS::URLSuffix"), "/")))));
    }
}
