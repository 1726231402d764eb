package org.wardwatch.staffapi;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;

/**
 * A GET as API Gateway passes it, accepting {@code accept} (a browser's {@code text/csv} download), posted to the
 * mock event server as {@link ApiGateway} does with {@code application/json}.
 */
final class Downloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Downloads() {
    }

    static ApiGateway.Answer get(String path, String query, Map<String, String> claims, String accept) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", "$default").put("rawPath", path)
                .put("rawQueryString", query == null ? "" : query);
        event.putObject("headers").put("accept", accept);
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "req-" + UUID.randomUUID()).put("stage", "$default");
        context.putObject("http").put("method", "GET").put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1");
        if (claims != null) {
            ObjectNode claimNode = context.putObject("authorizer").putObject("jwt").putObject("claims");
            claims.forEach(claimNode::put);
        }
        JsonPath answer = given().basePath("").contentType(ContentType.JSON).body(event.toString())
                .when().post("/_lambda_").then().statusCode(200).extract().jsonPath();
        Map<String, String> headers = answer.getMap("headers");
        return new ApiGateway.Answer(answer.getInt("statusCode"), headers == null ? Map.of() : headers,
                answer.getString("body"));
    }
}
