package org.wardwatch.localstack.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.localstack.tenant.TenantHttpApi;

/**
 * Picks the route of an HTTP API for a request as API Gateway does: the method must match, each literal segment
 * exactly, and each {@code {parameter}} segment any one non-empty segment (its value, URL-decoded, becomes a path
 * parameter); where several routes match, the one with the most literal segments wins ({@code /wards/{ward}}
 * loses to {@code /wards/mine}). Greedy {@code {proxy+}} paths and {@code ANY} are not used by the tenant stack
 * and not matched.
 */
public final class RouteTable {

    /** A request's route and its path parameters. */
    public record Match(TenantHttpApi.Route route, Map<String, String> pathParameters) {
    }

    private record Compiled(TenantHttpApi.Route route, String method, List<String> segments, long literals) {
    }

    private final List<Compiled> routes;

    public RouteTable(List<TenantHttpApi.Route> routes) {
        List<Compiled> compiled = new ArrayList<>();
        for (TenantHttpApi.Route route : routes) {
            String key = route.routeKey();
            int space = key.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("route key without a method: " + key);
            }
            List<String> segments = segments(key.substring(space + 1));
            compiled.add(new Compiled(route, key.substring(0, space), segments,
                    segments.stream().filter(s -> !isParameter(s)).count()));
        }
        compiled.sort(Comparator.comparingLong(Compiled::literals).reversed());
        this.routes = List.copyOf(compiled);
    }

    /** The route for {@code method} and the raw (still encoded) {@code path}; empty when none matches: 404. */
    public Optional<Match> match(String method, String path) {
        List<String> requested = segments(path);
        for (Compiled c : routes) {
            if (!c.method().equals(method) || c.segments().size() != requested.size()) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < requested.size() && matches; i++) {
                String pattern = c.segments().get(i);
                String segment = requested.get(i);
                if (isParameter(pattern)) {
                    matches = !segment.isEmpty();
                    parameters.put(pattern.substring(1, pattern.length() - 1), decode(segment));
                } else {
                    matches = pattern.equals(segment);
                }
            }
            if (matches) {
                return Optional.of(new Match(c.route(), Map.copyOf(parameters)));
            }
        }
        return Optional.empty();
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** The segments between slashes; an empty trailing segment ({@code /wards/}) counts, as for API Gateway. */
    private static List<String> segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return List.of(p.split("/", -1));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
