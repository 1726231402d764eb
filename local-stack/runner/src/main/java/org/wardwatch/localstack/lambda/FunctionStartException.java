package org.wardwatch.localstack.lambda;

/** A function's execution environment could not be started; the message points at its log. */
public class FunctionStartException extends RuntimeException {

    public FunctionStartException(String message) {
        super(message);
    }
}
