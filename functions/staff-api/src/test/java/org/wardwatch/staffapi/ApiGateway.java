package org.wardwatch.staffapi;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Requests as API Gateway's HTTP API hands them to the function (payload 2.0), with the JWT authorizer's claims in
 * {@code requestContext.authorizer.jwt.claims}, posted whole to the mock event server's event endpoint
 * ({@code POST /_lambda_}): the mock server's own translation of plain HTTP requests carries no authorizer.
 */
final class ApiGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The function's answer: status, headers, body. */
    record Answer(int status, Map<String, String> headers, String body) {

        JsonPath json() {
            return new JsonPath(body);
        }

        String contentType() {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    /** Claims of a signed-in user, as the authorizer passes them (lists as API Gateway flattens them). */
    static Map<String, String> claims(String username, String groups, String wards) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("cognito:username", username);
        claims.put("cognito:groups", "[" + groups + "]");
        claims.put("custom:wards", wards);
        claims.put("token_use", "id");
        claims.put("sub", UUID.randomUUID().toString());
        return claims;
    }

    static Answer send(String method, String path, String query, Map<String, String> claims, String contentType,
                       String body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", "$default").put("rawPath", path)
                .put("rawQueryString", query == null ? "" : query);
        ObjectNode headers = event.putObject("headers");
        headers.put("accept", "application/json");
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "req-" + UUID.randomUUID()).put("stage", "$default");
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1");
        if (claims != null) {
            ObjectNode claimNode = context.putObject("authorizer").putObject("jwt").putObject("claims");
            claims.forEach(claimNode::put);
        }
        if (body != null) {
            event.put("body", body).put("isBase64Encoded", false);
        }
        JsonPath answer = given().basePath("").contentType(ContentType.JSON).body(event.toString())
                .when().post("/_lambda_").then().statusCode(200).extract().jsonPath();
        Map<String, String> answerHeaders = answer.getMap("headers");
        return new Answer(answer.getInt("statusCode"), answerHeaders == null ? Map.of() : answerHeaders,
                answer.getString("body"));
    }

    static Answer get(String path, String query, Map<String, String> claims) {
        return send("GET", path, query, claims, null, null);
    }

    static Answer post(String path, Map<String, String> claims, String body) {
        return send("POST", path, null, claims, "application/json", body);
    }

    private ApiGateway() {
    }
}
