package org.wardwatch.localstack.tenant;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The tenant stack's HTTP API ({@code AWS::ApiGatewayV2::Api}) as the local front serves it: its routes, the JWT
 * authorizer's issuer and audience, and the one function its integrations invoke (payload format 2.0).
 *
 * @param routes every route of the API, in template order
 * @param issuer the JWT authorizer's issuer (the staff user pool's URL)
 * @param audience the JWT authorizer's audiences (the dashboard's app client)
 * @param function the function behind the routes
 */
public record TenantHttpApi(String name, List<Route> routes, String issuer, List<String> audience,
                            Function function) {

    public TenantHttpApi {
        routes = List.copyOf(routes);
        audience = List.copyOf(audience);
    }

    /**
     * One route ({@code AWS::ApiGatewayV2::Route}).
     *
     * @param routeKey e.g. {@code GET /wards/{ward}/beds}
     * @param authorized whether the JWT authorizer guards it ({@code AuthorizationType: JWT})
     * @param timeout the integration's timeout (API Gateway's default 30 s unless the template sets one)
     */
    public record Route(String routeKey, boolean authorized, Duration timeout) {
    }

    /**
     * The integrations' function.
     *
     * @param runtimeHandler the function's {@code Handler} property
     * @param environment its environment variables, references resolved
     */
    public record Function(String functionName, String runtimeHandler, Map<String, String> environment,
                           Duration timeout, int memoryMb) {

        public Function {
            environment = Map.copyOf(environment);
        }
    }
}
