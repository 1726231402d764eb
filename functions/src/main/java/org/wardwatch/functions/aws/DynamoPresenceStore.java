package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.Keys.SK;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.PresenceConnectFailure;
import org.wardwatch.functions.core.PresenceEvent;
import org.wardwatch.functions.core.PresenceState;
import org.wardwatch.functions.service.PresenceStore;
import org.wardwatch.functions.service.QuarantineEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link PresenceStore} in the device's partition of the readings table (functions/README.md, "Presence"): the
 * presence item {@code P#presence} and one history item per event, {@code P#<time>#<session>#<eventType>} (a refused
 * connect, which has no session, {@code P#<time>#connect_failed}); rejected
 * events in the quarantine table. Item by item: {@code GetItem}, {@code PutItem}, {@code UpdateItem}.
 */
public final class DynamoPresenceStore implements PresenceStore {

    static final String PRESENCE = "P#presence";

    private final DynamoDbClient dynamo;
    private final String readingsTable;
    private final String quarantineTable;
    private final Duration retention;

    /** @param retention how long events, the presence and quarantined events are kept (as readings are) */
    public DynamoPresenceStore(DynamoDbClient dynamo, String readingsTable, String quarantineTable,
                               Duration retention) {
        this.dynamo = dynamo;
        this.readingsTable = readingsTable;
        this.quarantineTable = quarantineTable;
        this.retention = retention;
    }

    /** {@code P#<time, ISO-8601 UTC millis>#<session>#<eventType>}: what identifies an event, time first. */
    static String eventKey(PresenceEvent event) {
        return "P#" + Keys.time(event.timestamp()) + "#" + event.sessionIdentifier() + "#" + event.type().code();
    }

    /** {@code P#<time, ISO-8601 UTC millis>#connect_failed}: a refused connect has no session. */
    static String connectFailureKey(PresenceConnectFailure failure) {
        return "P#" + Keys.time(failure.timestamp()) + "#" + PresenceConnectFailure.EVENT_TYPE;
    }

    @Override
    public boolean recordEvent(Device device, PresenceEvent event) {
        Map<String, AttributeValue> item = historyItem(device, eventKey(event), event.timestamp());
        putEvent(item, "", event);
        return putOnce(item);
    }

    @Override
    public boolean recordConnectFailure(Device device, PresenceConnectFailure failure) {
        Map<String, AttributeValue> item = historyItem(device, connectFailureKey(failure), failure.timestamp());
        item.put("eventType", s(PresenceConnectFailure.EVENT_TYPE));
        item.put("timestamp", s(Keys.time(failure.timestamp())));
        item.put("connectFailureReason", s(failure.reason()));
        return putOnce(item);
    }

    private Map<String, AttributeValue> historyItem(Device device, String sortKey, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(Keys.device(device.thingName())));
        item.put(SK, s(sortKey));
        item.put("thingName", s(device.thingName()));
        item.put("tenantId", s(device.tenantId()));
        item.put("deliveries", n(1));
        item.put("expiresAt", n(at.plus(retention).getEpochSecond()));
        return item;
    }

    /** Puts a history item if absent; else counts one more delivery on it and answers false. */
    private boolean putOnce(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(readingsTable).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException duplicate) {
            dynamo.updateItem(b -> b.tableName(readingsTable)
                    .key(Map.of(PK, item.get(PK), SK, item.get(SK)))
                    .updateExpression("ADD deliveries :one")
                    .expressionAttributeValues(Map.of(":one", n(1))));
            return false;
        }
    }

    @Override
    public Stored presence(String thingName) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(readingsTable).consistentRead(true)
                .key(Map.of(PK, s(Keys.device(thingName)), SK, s(PRESENCE)))).item();
        if (item == null || item.isEmpty()) {
            return Stored.NONE;
        }
        return new Stored(new PresenceState(event(thingName, item, ""), event(thingName, item, "lastDisconnect")),
                Long.parseLong(item.get("version").n()));
    }

    @Override
    public boolean advance(Device device, Stored expected, PresenceState next) {
        PresenceEvent current = next.current();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(Keys.device(device.thingName())));
        item.put(SK, s(PRESENCE));
        item.put("thingName", s(device.thingName()));
        item.put("tenantId", s(device.tenantId()));
        item.put("connected", AttributeValue.fromBool(current.isConnected()));
        item.put("since", s(Keys.time(current.timestamp())));
        putEvent(item, "", current);
        Instant newest = current.timestamp();
        if (next.lastDisconnect() != null) {
            putEvent(item, "lastDisconnect", next.lastDisconnect());
            newest = newest.isAfter(next.lastDisconnect().timestamp()) ? newest : next.lastDisconnect().timestamp();
        }
        item.put("version", n(expected.version() + 1));
        item.put("expiresAt", n(newest.plus(retention).getEpochSecond()));
        try {
            if (expected.version() == 0) {
                dynamo.putItem(b -> b.tableName(readingsTable).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(readingsTable).item(item).conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":expected", n(expected.version()))));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void quarantine(QuarantineEntry entry) {
        dynamo.putItem(b -> b.tableName(quarantineTable).item(QuarantineItems.item(entry, retention)));
    }

    /**
     * An event's attributes, named with {@code prefix}: {@code eventType}, {@code timestamp}, {@code sessionIdentifier},
     * {@code versionNumber}, and for a disconnected event {@code disconnectReason}, {@code clientInitiatedDisconnect};
     * under another prefix, named by {@link #name}.
     */
    private static void putEvent(Map<String, AttributeValue> item, String prefix, PresenceEvent event) {
        item.put(name(prefix, "eventType"), s(event.type().code()));
        item.put(name(prefix, "timestamp"), s(Keys.time(event.timestamp())));
        item.put(name(prefix, "sessionIdentifier"), s(event.sessionIdentifier()));
        item.put(name(prefix, "versionNumber"), n(event.versionNumber()));
        if (event.disconnectReason() != null) {
            item.put(name(prefix, "disconnectReason"), s(event.disconnectReason()));
        }
        if (event.clientInitiatedDisconnect() != null) {
            item.put(name(prefix, "clientInitiatedDisconnect"), AttributeValue.fromBool(event.clientInitiatedDisconnect()));
        }
    }

    /** The presence a {@code P#presence} item records ({@link PresenceState#NONE} for none). */
    static PresenceState state(String thingName, Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? PresenceState.NONE
                : new PresenceState(event(thingName, item, ""), event(thingName, item, "lastDisconnect"));
    }

    private static PresenceEvent event(String thingName, Map<String, AttributeValue> item, String prefix) {
        AttributeValue type = item.get(name(prefix, "eventType"));
        if (type == null) {
            return null;
        }
        AttributeValue reason = item.get(name(prefix, "disconnectReason"));
        AttributeValue initiated = item.get(name(prefix, "clientInitiatedDisconnect"));
        return new PresenceEvent(thingName, Instant.parse(item.get(name(prefix, "timestamp")).s()),
                PresenceEvent.Type.fromCode(type.s()), item.get(name(prefix, "sessionIdentifier")).s(),
                Long.parseLong(item.get(name(prefix, "versionNumber")).n()),
                reason == null ? null : reason.s(), initiated == null ? null : initiated.bool());
    }

    /**
     * An attribute's name for the event under {@code prefix}: {@code lastDisconnect} makes {@code lastDisconnectAt},
     * {@code lastDisconnectReason}, {@code lastDisconnectClientInitiated}, {@code lastDisconnectSessionIdentifier}, ...
     */
    private static String name(String prefix, String attribute) {
        if (prefix.isEmpty()) {
            return attribute;
        }
        return switch (attribute) {
            case "timestamp" -> prefix + "At";
            case "disconnectReason" -> prefix + "Reason";
            case "clientInitiatedDisconnect" -> prefix + "ClientInitiated";
            default -> prefix + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
        };
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
