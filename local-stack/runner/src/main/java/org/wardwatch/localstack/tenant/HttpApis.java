package org.wardwatch.localstack.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the template's HTTP API for the local front: the API, its routes with their authorization, the JWT
 * authorizer's issuer and audience, and the Lambda function the routes' integrations invoke (through its alias).
 * What the local front cannot serve as API Gateway would — another protocol, an integration that is not a
 * payload 2.0 Lambda proxy, a second function, an authorizer that is not JWT — is refused at start with one line,
 * rather than served differently. Stage throttling, access logs and custom domains are not emulated.
 */
final class HttpApis {

    /** API Gateway's integration timeout when the template does not set {@code TimeoutInMillis}. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private HttpApis() {
    }

    /**
     * The template's HTTP API, empty when it has none.
     *
     * @param functionOf the function of the template with this logical id, as the provisioner read it
     */
    static Optional<TenantHttpApi> read(TemplateResources t, Map<String, String> functionIdsByName,
                                        Function<String, TenantHttpApi.Function> functionOf) {
        Map<String, JsonNode> apis = t.ofType("AWS::ApiGatewayV2::Api");
        if (apis.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, JsonNode> api = t.single("AWS::ApiGatewayV2::Api");
        String name = t.string(api.getValue().get("Name"));
        if (!"HTTP".equals(t.string(api.getValue().get("ProtocolType")))) {
            throw new IllegalArgumentException("the HTTP API " + name + " is not ProtocolType HTTP");
        }
        t.define(api.getKey(), "local-" + name, Map.of("ApiEndpoint", "http://127.0.0.1"));

        Map.Entry<String, JsonNode> authorizer = t.single("AWS::ApiGatewayV2::Authorizer");
        JsonNode a = authorizer.getValue();
        if (!"JWT".equals(t.string(a.get("AuthorizerType")))) {
            throw new IllegalArgumentException("the HTTP API " + name + "'s authorizer is not a JWT authorizer");
        }
        t.define(authorizer.getKey(), authorizer.getKey(), Map.of());
        String issuer = t.string(a.path("JwtConfiguration").get("Issuer"));
        List<String> audience = new ArrayList<>();
        a.path("JwtConfiguration").path("Audience").forEach(x -> audience.add(t.string(x)));

        String functionId = null;
        Map<String, Duration> timeouts = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> i : t.ofType("AWS::ApiGatewayV2::Integration").entrySet()) {
            JsonNode p = i.getValue();
            if (!"AWS_PROXY".equals(t.string(p.get("IntegrationType")))
                    || !"2.0".equals(t.string(p.get("PayloadFormatVersion")))) {
                throw new IllegalArgumentException("integration " + i.getKey() + " of " + name
                        + " is not a Lambda proxy integration with payload format 2.0");
            }
            String id = functionIdsByName.get(functionName(t.string(p.get("IntegrationUri"))));
            if (id == null || (functionId != null && !functionId.equals(id))) {
                throw new IllegalArgumentException("the HTTP API " + name
                        + " must invoke one Lambda function of the tenant template");
            }
            functionId = id;
            timeouts.put(i.getKey(), p.hasNonNull("TimeoutInMillis")
                    ? Duration.ofMillis(Long.parseLong(t.string(p.get("TimeoutInMillis")))) : DEFAULT_TIMEOUT);
            t.define(i.getKey(), i.getKey(), Map.of());
        }
        if (functionId == null) {
            throw new IllegalArgumentException("the HTTP API " + name + " has no integration");
        }

        List<TenantHttpApi.Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> r : t.ofType("AWS::ApiGatewayV2::Route").entrySet()) {
            JsonNode p = r.getValue();
            String target = t.string(p.get("Target"));
            String integration = target == null ? null : target.replaceFirst("^integrations/", "");
            if (!timeouts.containsKey(integration)) {
                throw new IllegalArgumentException("route " + t.string(p.get("RouteKey"))
                        + " has no Lambda integration of the API");
            }
            String authorization = p.hasNonNull("AuthorizationType") ? t.string(p.get("AuthorizationType")) : "NONE";
            if (!authorization.equals("JWT") && !authorization.equals("NONE")) {
                throw new IllegalArgumentException("route " + t.string(p.get("RouteKey")) + ": authorization "
                        + authorization + " is not emulated locally (JWT or NONE)");
            }
            routes.add(new TenantHttpApi.Route(t.string(p.get("RouteKey")), authorization.equals("JWT"),
                    timeouts.get(integration)));
        }
        return Optional.of(new TenantHttpApi(name, routes, issuer, audience, functionOf.apply(functionId)));
    }

    /** {@code arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]} to the function's name. */
    private static String functionName(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":");
        return parts.length >= 7 && parts[5].equals("function") ? parts[6] : null;
    }
}
