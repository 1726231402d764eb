package org.wardwatch.localstack.rules;

/**
 * A rule selects the payload's JSON ({@code SELECT *}) but the payload is not JSON: IoT Core's Lambda action cannot
 * deliver such a message, so the action fails and the rule's error action receives it.
 */
public class NonJsonPayloadException extends RuntimeException {

    public NonJsonPayloadException(String message) {
        super(message);
    }
}
