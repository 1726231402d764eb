package org.wardwatch.functions.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The refusal every handler that answers in JSON gives: {@code {"error": CODE, "message": one line}}. */
final class Answers {

    private Answers() {
    }

    static JsonNode error(String code, String message) {
        return JsonNodeFactory.instance.objectNode().put("error", code).put("message", message == null ? "the request was refused" : message);
    }
}
