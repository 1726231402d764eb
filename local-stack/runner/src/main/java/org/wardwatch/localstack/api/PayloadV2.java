package org.wardwatch.localstack.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The event API Gateway's HTTP API hands a Lambda proxy integration (payload format 2.0) for one request: route
 * key, raw path and query, headers with lower-case names (repeated headers joined with commas), query parameters
 * (repeated ones joined with commas), cookies, path parameters, the request context (with the JWT authorizer's
 * claims, flattened to strings as API Gateway does: a list becomes {@code [a b]}) and the body, base64-encoded
 * unless it is text.
 */
public final class PayloadV2 {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** One HTTP request as the front received it. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, String sourceIp) {
    }

    private PayloadV2() {
    }

    /**
     * The event for {@code request} on {@code match}; {@code claims} are the authorizer's (null on a route without
     * it).
     */
    public static String event(Request request, RouteTable.Match match, JsonNode claims, String apiId,
                               String account, String host, Instant received) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        ObjectNode headers = JSON.createObjectNode();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> List.of(v.split(";")).forEach(c -> cookies.add(c.strip())));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        event.set("headers", headers);
        Map<String, String> query = query(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode q = event.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode p = event.putObject("pathParameters");
            match.pathParameters().forEach(p::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", account).put("apiId", apiId);
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            ObjectNode flattened = jwt.putObject("claims");
            claims.fields().forEachRemaining(e -> flattened.put(e.getKey(), flatten(e.getValue())));
            jwt.putNull("scopes");
        }
        context.put("domainName", host).put("domainPrefix", host.split("[.:]")[0]);
        context.putObject("http").put("method", request.method()).put("path", request.rawPath())
                .put("protocol", "HTTP/1.1").put("sourceIp", request.sourceIp())
                .put("userAgent", headers.path("user-agent").asText(""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(received));
        context.put("timeEpoch", received.toEpochMilli());
        if (request.body() != null && request.body().length > 0) {
            boolean text = isText(headers.path("content-type").asText(""));
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.toString();
    }

    /** A claim as API Gateway passes it: a string; a list as {@code [a b]}; an object as its JSON. */
    static String flatten(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.isValueNode() ? v.asText() : v.toString()));
            return "[" + String.join(" ", items) + "]";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Text bodies pass as they are; anything else (or no content type) is base64-encoded, as API Gateway does. */
    static boolean isText(String contentType) {
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/x-www-form-urlencoded") || type.equals("application/javascript");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.merge(name, value, (a, b) -> a + "," + b);
        }
        return query;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
