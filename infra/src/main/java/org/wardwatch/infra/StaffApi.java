package org.wardwatch.infra;

import org.wardwatch.model.staff.StaffApiRoutes;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import java.time.Duration;
import java.util.List;

/**
 * The staff API (issue 16): the staff-api function (functions/staff-api, its own artifact) behind an API Gateway HTTP
 * API {@code wardwatch-<tenant>-staff-api}. Every route but {@code GET /openapi} needs an ID or access token of the
 * tenant's staff pool issued to the dashboard client (a JWT authorizer: issuer, audience, signature, expiry); the
 * function then checks the token use, role and ward itself. The routes are the function's endpoints, one by one
 * ({@link StaffApiRoutes}, named once in the model): a
 * path the function does not serve is API Gateway's 404 and never invokes it. Throttled, access-logged to a log
 * group encrypted with the tenant key. No CORS: the dashboard's origin is not decided, and an API without CORS
 * headers is not callable from any browser origin.
 *
 * <p>The function is always a JVM one (java21, SnapStart, invoked through its {@code live} alias): the staff API's
 * artifact is built for the JVM only, whatever runtime the tenant's device-facing functions have. What it may do is
 * granted by the stack.
 */
public final class StaffApi extends Construct {

    static final String NAME = TenantNames.STAFF_API;
    /** Each request is a few DynamoDB calls (and an SNS publish on an acknowledgement). */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * A cap, and a guarantee that a telemetry burst never leaves staff without a function: 10 at once answer some
     * hundred requests a second, more than a hospital's staff make; the stage's throttle is below it.
     */
    static final int RESERVED_CONCURRENCY = 10;
    static final int THROTTLE_RATE = 50;
    static final int THROTTLE_BURST = 100;
    /** The routes behind the JWT authorizer: the function's endpoints (functions/staff-api/README.md). */
    static final List<Route> AUTHORIZED_ROUTES = StaffApiRoutes.AUTHORIZED.stream().map(Route::of).toList();
    /** The routes anyone may call: the OpenAPI document and the dashboard's files (no token yet). */
    static final List<Route> PUBLIC_ROUTES = StaffApiRoutes.PUBLIC.stream().map(Route::of).toList();
    /**
     * One JSON line per request: no query string, no body, no header, so no patient reference; who called is in
     * the audit of each write.
     */
    static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\","
            + "\"routeKey\":\"$context.routeKey\",\"path\":\"$context.path\",\"status\":\"$context.status\","
            + "\"protocol\":\"$context.protocol\",\"responseLength\":\"$context.responseLength\","
            + "\"integrationLatency\":\"$context.integration.latency\","
            + "\"integrationError\":\"$context.integrationErrorMessage\","
            + "\"authorizerError\":\"$context.authorizer.error\"}";

    /** A method and path of the API. */
    record Route(HttpMethod method, String path) {
        /** From a route key of {@link StaffApiRoutes}, e.g. {@code GET /alerts}. */
        static Route of(String key) {
            return new Route(HttpMethod.valueOf(StaffApiRoutes.method(key)), StaffApiRoutes.path(key));
        }

        String key() {
            return method + " " + path;
        }
    }

    private final TenantFunction function;
    private final HttpApi api;
    private final HttpStage stage;
    private final LogGroup accessLogs;

    public StaffApi(Construct scope, String id, StaffApiProps props) {
        super(scope, id);
        TenantNames names = props.names();
        function = new TenantFunction(this, TenantFunction.ID, new TenantFunction.Definition(names, NAME, null,
                names.staffApi(), "the staff HTTP API (alerts, wards and beds, readings, admissions, observations, devices, storage, audit); behind "
                + names.staffApi() + "'s JWT authorizer", props.code(), true, props.memoryMb(),
                props.logRetentionDays(), props.environment(), props.layers(), TIMEOUT, props.encryptionKey(),
                RESERVED_CONCURRENCY));

        HttpUserPoolAuthorizer authorizer = new HttpUserPoolAuthorizer("StaffSignIn", props.userPool(),
                HttpUserPoolAuthorizerProps.builder()
                        .authorizerName("staff-sign-in")
                        .userPoolClients(List.of(props.dashboard()))
                        .identitySource(List.of("$request.header.Authorization"))
                        .build());
        api = HttpApi.Builder.create(this, "HttpApi")
                .apiName(names.staffApi())
                .description("wardwatch " + names.tenantId() + ": the staff API")
                .createDefaultStage(false)
                // Every route is authorized unless it says otherwise (only the public ones do).
                .defaultAuthorizer(authorizer)
                .build();
        HttpLambdaIntegration integration = new HttpLambdaIntegration("Function", function.alias());
        for (Route route : AUTHORIZED_ROUTES) {
            api.addRoutes(AddRoutesOptions.builder().path(route.path()).methods(List.of(route.method()))
                    .integration(integration).build());
        }
        for (Route route : PUBLIC_ROUTES) {
            api.addRoutes(AddRoutesOptions.builder().path(route.path()).methods(List.of(route.method()))
                    .integration(integration).authorizer(new HttpNoneAuthorizer()).build());
        }

        String accessLogGroup = "/aws/vendedlogs/" + names.staffApi() + "-access";
        TenantFunction.allowLogsToUseKey(this, props.encryptionKey(), accessLogGroup, NAME + "-access");
        accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .logGroupName(accessLogGroup)
                .encryptionKey(props.encryptionKey())
                .build();
        ((CfnLogGroup) accessLogs.getNode().getDefaultChild()).setRetentionInDays(props.logRetentionDays());
        LogGroupLogDestination destination = new LogGroupLogDestination(accessLogs);
        stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(THROTTLE_RATE).burstLimit(THROTTLE_BURST).build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                .build();
    }

    public Function function() {
        return function.function();
    }

    public Alias alias() {
        return function.alias();
    }

    public HttpApi api() {
        return api;
    }

    /** The API's URL: its {@code $default} stage's, {@code https://<api id>.execute-api.<region>.amazonaws.com/}. */
    public String url() {
        return stage.getUrl();
    }

    public LogGroup accessLogs() {
        return accessLogs;
    }
}
