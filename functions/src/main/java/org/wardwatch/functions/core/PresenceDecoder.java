package org.wardwatch.functions.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Reads an AWS IoT Core lifecycle event ({@code $aws/events/presence/connected|disconnected|connect_failed/<clientId>},
 * the payload as IoT Core publishes it) into a {@link PresenceEvent} or a {@link PresenceConnectFailure}, or one
 * message-level {@link Rejection}. Knows nothing of
 * devices or tenants. Fields wardwatch does not keep ({@code principalIdentifier}, {@code ipAddress}) are neither
 * required nor checked; unknown fields are ignored, as IoT Core may add some. Details never repeat values.
 */
public final class PresenceDecoder {

    /** A lifecycle event is about 300 bytes; anything much larger is not one. */
    public static final int MAX_EVENT_BYTES = 8 * 1024;
    /** Latest accepted {@code timestamp}: the end of year 9999, so that every accepted time formats as ISO-8601. */
    static final long MAX_TIMESTAMP_MILLIS = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    /** AWS IoT thing names; a device's IoT policy makes its client id its thing name. */
    private static final Pattern THING_NAME = Pattern.compile("[A-Za-z0-9:_-]{1,128}");
    /** IoT Core's are 32 hex digits; any id that can go into a sort key (no '#'), bounded. */
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /**
     * IoT Core's reasons are upper-case tokens ({@code CLIENT_INITIATED_DISCONNECT}, {@code MQTT_KEEP_ALIVE_TIMEOUT},
     * ...); a reason IoT Core adds later is kept as given when it has that form.
     */
    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final String TOPIC_PREFIX = "$aws/events/presence/";

    private final StrictJson json = new StrictJson();

    /**
     * @param topic the topic the event was published on when known (a dead letter of the topic rule names it), else
     *              null: the rule's {@code SELECT *} passes the payload alone
     */
    public PresenceDecoding decode(byte[] payload, String topic) {
        if (payload.length > MAX_EVENT_BYTES) {
            return reject(RejectionReason.PAYLOAD_TOO_LARGE, payload.length + " bytes; a lifecycle event is at most "
                    + MAX_EVENT_BYTES, null, null);
        }
        StrictJson.Parsed parsed = json.parseObject(payload);
        if (parsed instanceof StrictJson.Parsed.Refused refused) {
            return new PresenceDecoding.Rejected(refused.rejection(), null, null);
        }
        return decodeObject(((StrictJson.Parsed.Valid) parsed).object(), topic);
    }

    private static PresenceDecoding decodeObject(ObjectNode root, String topic) {
        JsonNode clientNode = root.get("clientId");
        String clientId = clientNode != null && clientNode.isTextual()
                && THING_NAME.matcher(clientNode.textValue()).matches() ? clientNode.textValue() : null;
        JsonNode timeNode = root.get("timestamp");
        Instant timestamp = millis(timeNode);

        if (clientNode == null) {
            return reject(RejectionReason.MISSING_FIELD, "clientId", null, timestamp);
        }
        if (clientId == null) {
            return reject(RejectionReason.INVALID_FIELD,
                    "clientId must be a thing name: 1-128 of A-Z a-z 0-9 : _ -", null, timestamp);
        }
        JsonNode typeNode = root.get("eventType");
        if (typeNode == null) {
            return reject(RejectionReason.MISSING_FIELD, "eventType", clientId, timestamp);
        }
        if (!typeNode.isTextual()) {
            return reject(RejectionReason.INVALID_FIELD, "eventType must be a string", clientId, timestamp);
        }
        boolean connectFailed = PresenceConnectFailure.EVENT_TYPE.equals(typeNode.textValue());
        PresenceEvent.Type type = PresenceEvent.Type.fromCode(typeNode.textValue());
        if (type == null && !connectFailed) {
            return reject(RejectionReason.UNSUPPORTED_EVENT_TYPE,
                    "eventType must be connected, disconnected or connect_failed", clientId, timestamp);
        }
        if (timeNode == null) {
            return reject(RejectionReason.MISSING_FIELD, "timestamp", clientId, null);
        }
        if (timestamp == null) {
            return reject(RejectionReason.INVALID_FIELD, "timestamp must be whole epoch milliseconds from 1 to "
                    + MAX_TIMESTAMP_MILLIS, clientId, null);
        }
        if (connectFailed) {
            return decodeConnectFailure(root, clientId, timestamp, topic);
        }
        JsonNode sessionNode = root.get("sessionIdentifier");
        if (sessionNode == null) {
            return reject(RejectionReason.MISSING_FIELD, "sessionIdentifier", clientId, timestamp);
        }
        if (!sessionNode.isTextual() || !SESSION.matcher(sessionNode.textValue()).matches()) {
            return reject(RejectionReason.INVALID_FIELD,
                    "sessionIdentifier must be 1-128 of A-Z a-z 0-9 . _ : -", clientId, timestamp);
        }
        JsonNode versionNode = root.get("versionNumber");
        if (versionNode == null) {
            return reject(RejectionReason.MISSING_FIELD, "versionNumber", clientId, timestamp);
        }
        if (!versionNode.isIntegralNumber() || !versionNode.canConvertToLong() || versionNode.longValue() < 0) {
            return reject(RejectionReason.INVALID_FIELD, "versionNumber must be a whole number, 0 or more",
                    clientId, timestamp);
        }
        String reason = null;
        Boolean clientInitiated = null;
        if (type == PresenceEvent.Type.DISCONNECTED) {
            JsonNode reasonNode = root.get("disconnectReason");
            if (reasonNode == null) {
                return reject(RejectionReason.MISSING_FIELD, "disconnectReason", clientId, timestamp);
            }
            if (!reasonNode.isTextual() || !REASON.matcher(reasonNode.textValue()).matches()) {
                return reject(RejectionReason.INVALID_FIELD, "disconnectReason must be 1-64 of A-Z 0-9 _, "
                        + "starting with a letter (e.g. CONNECTION_LOST)", clientId, timestamp);
            }
            reason = reasonNode.textValue();
            JsonNode initiatedNode = root.get("clientInitiatedDisconnect");
            if (initiatedNode == null) {
                return reject(RejectionReason.MISSING_FIELD, "clientInitiatedDisconnect", clientId, timestamp);
            }
            if (!initiatedNode.isBoolean()) {
                return reject(RejectionReason.INVALID_FIELD, "clientInitiatedDisconnect must be true or false",
                        clientId, timestamp);
            }
            clientInitiated = initiatedNode.booleanValue();
        }
        PresenceDecoding wrongTopic = topicRefusal(topic, type.code(), clientId, timestamp);
        if (wrongTopic != null) {
            return wrongTopic;
        }
        return new PresenceDecoding.Decoded(new PresenceEvent(clientId, timestamp, type, sessionNode.textValue(),
                versionNode.longValue(), reason, clientInitiated));
    }

    /**
     * A refused CONNECT has no session and no version (none was opened); {@code connectFailureReason} is required, in
     * the form of IoT Core's other reasons.
     */
    private static PresenceDecoding decodeConnectFailure(ObjectNode root, String clientId, Instant timestamp,
                                                         String topic) {
        JsonNode reasonNode = root.get("connectFailureReason");
        if (reasonNode == null) {
            return reject(RejectionReason.MISSING_FIELD, "connectFailureReason", clientId, timestamp);
        }
        if (!reasonNode.isTextual() || !REASON.matcher(reasonNode.textValue()).matches()) {
            return reject(RejectionReason.INVALID_FIELD, "connectFailureReason must be 1-64 of A-Z 0-9 _, "
                    + "starting with a letter (e.g. AUTHORIZATION_FAILED)", clientId, timestamp);
        }
        PresenceDecoding wrongTopic = topicRefusal(topic, PresenceConnectFailure.EVENT_TYPE, clientId, timestamp);
        if (wrongTopic != null) {
            return wrongTopic;
        }
        return new PresenceDecoding.FailedConnect(
                new PresenceConnectFailure(clientId, timestamp, reasonNode.textValue()));
    }

    /** Null when the topic is unknown or is {@code $aws/events/presence/<eventType>/<clientId>}. */
    private static PresenceDecoding topicRefusal(String topic, String eventType, String clientId, Instant timestamp) {
        if (topic == null) {
            return null;
        }
        if (!topic.startsWith(TOPIC_PREFIX + eventType + "/")) {
            return reject(RejectionReason.INVALID_FIELD, "eventType is not the topic's", clientId, timestamp);
        }
        if (!topic.equals(TOPIC_PREFIX + eventType + "/" + clientId)) {
            return reject(RejectionReason.DEVICE_MISMATCH, "clientId is not the client named in the topic",
                    clientId, timestamp);
        }
        return null;
    }

    /** Whole epoch milliseconds in range, else null; {@code 1573002230757.0} is not whole milliseconds here. */
    private static Instant millis(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            return null;
        }
        long value = node.longValue();
        return value < 1 || value > MAX_TIMESTAMP_MILLIS ? null : Instant.ofEpochMilli(value);
    }

    private static PresenceDecoding reject(RejectionReason reason, String detail, String clientId, Instant timestamp) {
        return new PresenceDecoding.Rejected(Rejection.ofMessage(reason, detail), clientId, timestamp);
    }
}
