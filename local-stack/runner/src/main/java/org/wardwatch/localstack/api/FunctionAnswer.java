package org.wardwatch.localstack.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.localstack.lambda.InvocationResult;

/**
 * The HTTP response API Gateway makes of a function's answer (payload format 2.0): a response object
 * ({@code statusCode}, {@code headers}, {@code cookies}, {@code body}, {@code isBase64Encoded}) as it says; any
 * other JSON as a 200 {@code application/json} body; a failed invocation, or an answer API Gateway cannot read,
 * as its own 500 {@code {"message":"Internal Server Error"}} (the function's error stays in its log).
 */
public record FunctionAnswer(int status, Map<String, List<String>> headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** API Gateway's own answer: {@code {"message": ...}}. */
    public static FunctionAnswer gateway(int status, String message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        return new FunctionAnswer(status, headers, JSON.createObjectNode().put("message", message).toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The response for the function's {@code result}. */
    public static FunctionAnswer of(InvocationResult result) {
        if (result.failed()) {
            return gateway(500, "Internal Server Error");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(result.body());
        } catch (IOException e) {
            return gateway(500, "Internal Server Error");
        }
        if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("content-type", List.of("application/json"));
            return new FunctionAnswer(200, headers, (answer == null ? "" : answer.toString())
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (!answer.get("statusCode").canConvertToInt() || answer.get("statusCode").asInt() < 100
                || answer.get("statusCode").asInt() > 599) {
            return gateway(500, "Internal Server Error");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), List.of(e.getValue().asText())));
        answer.path("multiValueHeaders").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            headers.put(e.getKey(), values);
        });
        List<String> cookies = new ArrayList<>();
        answer.path("cookies").forEach(c -> cookies.add(c.asText()));
        if (!cookies.isEmpty()) {
            headers.put("set-cookie", cookies);
        }
        String body = answer.path("body").isNull() ? "" : answer.path("body").asText("");
        byte[] bytes;
        try {
            bytes = answer.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return gateway(500, "Internal Server Error");
        }
        return new FunctionAnswer(answer.get("statusCode").asInt(), headers, bytes);
    }
}
