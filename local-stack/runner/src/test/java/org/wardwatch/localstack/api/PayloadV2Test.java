package org.wardwatch.localstack.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.localstack.lambda.InvocationResult;
import org.wardwatch.localstack.tenant.TenantHttpApi;

/** The payload 2.0 event the front builds, and what it makes of a function's answer. */
class PayloadV2Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RouteTable.Match ACK = new RouteTable.Match(
            new TenantHttpApi.Route("POST /alerts/{alertId}/ack", true, Duration.ofSeconds(30)),
            Map.of("alertId", "7KQ2M9X"));

    private static JsonNode event(String query, Map<String, List<String>> headers, String body, JsonNode claims)
            throws Exception {
        return JSON.readTree(PayloadV2.event(new PayloadV2.Request("POST", "/alerts/7KQ2M9X/ack", query, headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "127.0.0.1"), ACK, claims,
                "local-api", "123456789012", "127.0.0.1:8080", Instant.parse("2026-12-02T10:15:30Z")));
    }

    @Test
    void theEvent_hasTheRouteThePathParametersAndTheClaimsFlattenedAsApiGatewayDoes() throws Exception {
        JsonNode claims = JSON.readTree("{\"cognito:username\":\"nurse-icu3\",\"cognito:groups\":[\"nurse\","
                + "\"nurse_in_charge\"],\"exp\":1790000000,\"email_verified\":true}");

        JsonNode event = event("a=1&b=x%20y&a=2", Map.of("Content-Type", List.of("application/json"),
                "X-Trace", List.of("one", "two")), "{\"note\":\"seen\"}", claims);

        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("POST /alerts/{alertId}/ack");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("a=1&b=x%20y&a=2");
        assertThat(event.get("queryStringParameters")).isEqualTo(JSON.readTree("{\"a\":\"1,2\",\"b\":\"x y\"}"));
        assertThat(event.get("pathParameters")).isEqualTo(JSON.readTree("{\"alertId\":\"7KQ2M9X\"}"));
        assertThat(event.get("headers").get("content-type").asText()).isEqualTo("application/json");
        assertThat(event.get("headers").get("x-trace").asText()).isEqualTo("one,two");
        JsonNode flattened = event.at("/requestContext/authorizer/jwt/claims");
        assertThat(flattened.get("cognito:groups").asText()).isEqualTo("[nurse nurse_in_charge]");
        assertThat(flattened.get("exp").asText()).isEqualTo("1790000000");
        assertThat(flattened.get("email_verified").asText()).isEqualTo("true");
        assertThat(event.at("/requestContext/http/method").asText()).isEqualTo("POST");
        assertThat(event.at("/requestContext/time").asText()).isEqualTo("02/Dec/2026:10:15:30 +0000");
        assertThat(event.at("/requestContext/timeEpoch").asLong()).isEqualTo(1796206530000L);
        assertThat(event.get("body").asText()).isEqualTo("{\"note\":\"seen\"}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void aRouteWithoutTheAuthorizer_hasNoClaims_andABinaryBodyIsBase64() throws Exception {
        JsonNode event = event(null, Map.of("Content-Type", List.of("application/octet-stream")), "\u0001", null);

        assertThat(event.at("/requestContext/authorizer").isMissingNode()).isTrue();
        assertThat(event.get("queryStringParameters")).isNull();
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(event.get("body").asText()).isEqualTo("AQ==");
    }

    @Test
    void cookies_goInTheirOwnList() throws Exception {
        JsonNode event = event(null, Map.of("Cookie", List.of("a=1; b=2")), null, null);

        assertThat(event.get("cookies")).isEqualTo(JSON.readTree("[\"a=1\",\"b=2\"]"));
        assertThat(event.get("headers").has("cookie")).isFalse();
    }

    @Test
    void aResponseObject_isTheHttpResponse_otherJsonA200_andAFailureApiGatewaysOwn500() {
        FunctionAnswer problem = FunctionAnswer.of(new InvocationResult("r1", false,
                "{\"statusCode\":409,\"headers\":{\"content-type\":\"application/problem+json\"},"
                        + "\"body\":\"{\\\"status\\\":409}\",\"isBase64Encoded\":false}", null));
        FunctionAnswer csv = FunctionAnswer.of(new InvocationResult("r2", false,
                "{\"statusCode\":200,\"body\":\"ZGF5LHRlbXAK\",\"isBase64Encoded\":true,\"cookies\":[\"c=1\"]}", null));
        FunctionAnswer plain = FunctionAnswer.of(new InvocationResult("r3", false, "{\"ok\":true}", null));
        FunctionAnswer failed = FunctionAnswer.of(new InvocationResult("r4", true,
                "{\"errorType\":\"java.lang.NullPointerException\"}", "java.lang.NullPointerException"));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.headers().get("content-type")).containsExactly("application/problem+json");
        assertThat(new String(problem.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":409}");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo("day,temp\n");
        assertThat(csv.headers().get("set-cookie")).containsExactly("c=1");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(new String(failed.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\":\"Internal Server Error\"}").doesNotContain("NullPointer");
    }
}
