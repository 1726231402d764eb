package org.wardwatch.model.staff;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The staff API's routes, as API Gateway's route keys ({@code <METHOD> <path>}, path parameters in braces): the
 * contract between the stack, which creates exactly these routes (infra, StaffApi), and the staff-api function,
 * which serves each of them (functions/staff-api/README.md). The local stack's front reads them back from the
 * synthesized template. A path the function serves and this list does not name is never reached: API Gateway
 * answers it 404 without invoking the function.
 */
public final class StaffApiRoutes {

    /** Route keys that need a staff member's ID token (the API's JWT authorizer). */
    public static final List<String> AUTHORIZED = List.of(
            "GET /alerts",
            "GET /alerts/{alertId}",
            "POST /alerts/{alertId}/ack",
            "GET /wards",
            "GET /wards/{ward}/beds",
            "GET /beds/{ward}/{bed}/readings",
            "POST /wards/{ward}/beds/{bed}/admission",
            "DELETE /wards/{ward}/beds/{bed}/admission",
            "PUT /wards/{ward}/beds/{bed}/admission/settings",
            "POST /wards/{ward}/beds/{bed}/observations",
            "GET /devices",
            "GET /storage",
            "GET /storage/{device}/excursions",
            "POST /storage/{device}/excursions/{start}/ack",
            "GET /storage/{device}/temperature-log",
            "GET /audit");

    /** The OpenAPI document, which a client reads before it has a token. */
    public static final String OPENAPI = "GET /openapi";

    /**
     * The ward dashboard's page and its files (issue 17): served by the same function, so the page and the API share
     * one origin and the API needs no CORS; the page signs in itself and sends the token with each API call.
     */
    public static final List<String> DASHBOARD = List.of("GET /dashboard", "GET /dashboard/{file}");

    /** Route keys anyone may call, without a token: the OpenAPI document and the dashboard's files. */
    public static final List<String> PUBLIC = List.of(OPENAPI, DASHBOARD.get(0), DASHBOARD.get(1));

    /** A route key: an HTTP method, one space, and a path of literal or {@code {parameter}} segments. */
    public static final Pattern ROUTE_KEY = Pattern.compile(
            "(GET|POST|PUT|DELETE) (/([a-z][a-z0-9-]*|\\{[a-z][A-Za-z0-9]*\\}))+");

    private StaffApiRoutes() {
    }

    /** The method of a route key, e.g. {@code GET}. */
    public static String method(String routeKey) {
        return routeKey.substring(0, routeKey.indexOf(' '));
    }

    /** The path of a route key, e.g. {@code /alerts/{alertId}}. */
    public static String path(String routeKey) {
        return routeKey.substring(routeKey.indexOf(' ') + 1);
    }
}
