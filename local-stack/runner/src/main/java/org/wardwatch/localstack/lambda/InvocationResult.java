package org.wardwatch.localstack.lambda;

/**
 * How one invocation ended: the function's response, or its error as the runtime reported it.
 *
 * @param body the response JSON, or the error document ({@code errorType}, {@code errorMessage})
 */
public record InvocationResult(String requestId, boolean failed, String body, String errorType) {

    static InvocationResult success(String requestId, String body) {
        return new InvocationResult(requestId, false, body, null);
    }

    static InvocationResult failure(String requestId, String errorType, String body) {
        return new InvocationResult(requestId, true, body, errorType);
    }
}
