package org.wardwatch.localstack.broker;

/**
 * Receives every publish the broker has authorized, and every lifecycle event it publishes itself (on
 * {@code $aws/events/presence/...}, with the event's client id and timestamp), as IoT Core's rules engine does.
 */
@FunctionalInterface
public interface PublishListener {

    /** Called on a broker thread: must not block. */
    void onPublish(String clientId, String topic, byte[] payload, long receivedAtMillis);
}
