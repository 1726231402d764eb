package org.wardwatch.localstack.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;

/**
 * One of IoT Core's lifecycle events, as it publishes them on {@code $aws/events/presence/connected/<clientId>} and
 * {@code $aws/events/presence/disconnected/<clientId>} (AWS IoT Core developer guide, "Lifecycle events"). A
 * disconnected event repeats the client id, session, principal and version of its session's connected event. A
 * refused CONNECT is a {@code connect_failed} event on {@code $aws/events/presence/connect_failed/<clientId>}, with
 * no session and no version.
 *
 * @param timestamp when the broker saw it happen, epoch millis of the broker's clock
 * @param sessionIdentifier 32 hex digits, new for each connection
 * @param principalIdentifier the IoT certificate id of the client's certificate
 * @param ipAddress the client's address; connected events only
 * @param versionNumber per client id, one more with each authenticated connection
 * @param clientInitiatedDisconnect disconnected events only
 * @param disconnectReason IoT Core's reason, disconnected events only: {@code CLIENT_INITIATED_DISCONNECT},
 *                         {@code CONNECTION_LOST}, {@code AUTH_ERROR}, {@code DUPLICATE_CLIENTID}, ...
 * @param connectFailureReason connect_failed events only: {@code AUTHORIZATION_FAILED}
 */
public record LifecycleEvent(String clientId, long timestamp, String eventType, String sessionIdentifier,
                             String principalIdentifier, String ipAddress, long versionNumber,
                             Boolean clientInitiatedDisconnect, String disconnectReason,
                             String connectFailureReason) {

    public static final String CONNECTED = "connected";
    public static final String DISCONNECTED = "disconnected";
    public static final String CONNECT_FAILED = "connect_failed";
    private static final ObjectMapper JSON = new ObjectMapper();

    static LifecycleEvent connected(String clientId, long timestamp, String session, String principal,
                                    String ipAddress, long version) {
        return new LifecycleEvent(clientId, timestamp, CONNECTED, session, principal, ipAddress, version, null, null,
                null);
    }

    /** A CONNECT the broker refused: IoT Core's one documented reason is {@code AUTHORIZATION_FAILED}. */
    static LifecycleEvent connectFailed(String clientId, long timestamp, String principal, String ipAddress) {
        return new LifecycleEvent(clientId, timestamp, CONNECT_FAILED, null, principal, ipAddress, 0, null, null,
                "AUTHORIZATION_FAILED");
    }

    /** The disconnected event that ends the session {@code connected} opened. */
    static LifecycleEvent disconnected(LifecycleEvent connected, long timestamp, boolean clientInitiated,
                                       String reason) {
        return new LifecycleEvent(connected.clientId(), timestamp, DISCONNECTED, connected.sessionIdentifier(),
                connected.principalIdentifier(), null, connected.versionNumber(), clientInitiated, reason, null);
    }

    public String topic() {
        return "$aws/events/presence/" + eventType + "/" + clientId;
    }

    /** The event's JSON document, the fields in IoT Core's order. */
    public String json() {
        ObjectNode event = JSON.createObjectNode();
        event.put("clientId", clientId);
        event.put("timestamp", timestamp);
        event.put("eventType", eventType);
        if (connectFailureReason != null) {
            event.put("connectFailureReason", connectFailureReason);
        }
        if (sessionIdentifier != null) {
            event.put("sessionIdentifier", sessionIdentifier);
        }
        event.put("principalIdentifier", principalIdentifier);
        if (ipAddress != null) {
            event.put("ipAddress", ipAddress);
        }
        if (clientInitiatedDisconnect != null) {
            event.put("clientInitiatedDisconnect", clientInitiatedDisconnect);
        }
        if (disconnectReason != null) {
            event.put("disconnectReason", disconnectReason);
        }
        if (!CONNECT_FAILED.equals(eventType)) {
            event.put("versionNumber", versionNumber);
        }
        return event.toString();
    }

    /**
     * IoT Core's {@code disconnectReason} for a disconnect the broker initiated with HiveMQ's reason code. A client
     * that publishes or subscribes outside its policy is disconnected {@code NOT_AUTHORIZED}, which IoT Core reports
     * as {@code AUTH_ERROR}.
     */
    public static String serverDisconnectReason(DisconnectedReasonCode code) {
        if (code == null) {
            return "SERVER_INITIATED_DISCONNECT";
        }
        return switch (code) {
            case NOT_AUTHORIZED, BAD_AUTHENTICATION_METHOD, BAD_USER_NAME_OR_PASSWORD, BANNED -> "AUTH_ERROR";
            case SESSION_TAKEN_OVER -> "DUPLICATE_CLIENTID";
            case KEEP_ALIVE_TIMEOUT -> "MQTT_KEEP_ALIVE_TIMEOUT";
            case MESSAGE_RATE_TOO_HIGH, QUOTA_EXCEEDED, CONNECTION_RATE_EXCEEDED -> "THROTTLED";
            case MALFORMED_PACKET, PROTOCOL_ERROR, PACKET_TOO_LARGE, TOPIC_NAME_INVALID, TOPIC_FILTER_INVALID,
                 TOPIC_ALIAS_INVALID, RECEIVE_MAXIMUM_EXCEEDED, PAYLOAD_FORMAT_INVALID, QOS_NOT_SUPPORTED,
                 RETAIN_NOT_SUPPORTED, SHARED_SUBSCRIPTION_NOT_SUPPORTED, SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED,
                 WILDCARD_SUBSCRIPTION_NOT_SUPPORTED, CLIENT_IDENTIFIER_NOT_VALID, UNSUPPORTED_PROTOCOL_VERSION ->
                    "CLIENT_ERROR";
            default -> "SERVER_INITIATED_DISCONNECT";
        };
    }
}
