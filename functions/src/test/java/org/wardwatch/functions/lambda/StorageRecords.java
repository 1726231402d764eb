package org.wardwatch.functions.lambda;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes a storage sensor's reading and excursion items into the readings table exactly as the telemetry
 * function and the excursion log lay them out (functions/README.md, "Tables"), for tests of what reads them.
 */
public final class StorageRecords {

    private final DynamoDbClient dynamo;
    private final String thing;
    private final String ward;
    private int messages;

    public StorageRecords(DynamoDbClient dynamo, String thing, String ward) {
        this.dynamo = dynamo;
        this.thing = thing;
        this.ward = ward;
    }

    /** A {@code storage_temperature} reading; {@code deviceTime} is ISO-8601 UTC with millis. */
    public StorageRecords temperature(String deviceTime, double celsius) {
        return reading(deviceTime, "storage_temperature", Double.toString(celsius));
    }

    /** A {@code door_open} reading (1 open, 0 closed). */
    public StorageRecords door(String deviceTime, boolean open) {
        return reading(deviceTime, "door_open", open ? "1" : "0");
    }

    private StorageRecords reading(String deviceTime, String metric, String value) {
        String messageId = "m-" + ++messages;
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s("D#" + thing));
        item.put("sk", s("R#" + deviceTime + "#" + metric + "#" + messageId + "#0"));
        item.put("value", AttributeValue.fromN(value));
        item.put("deviceTime", s(deviceTime));
        item.put("metric", s(metric));
        item.put("thingName", s(thing));
        item.put("ward", s(ward));
        item.put("kind", s("storage_sensor"));
        dynamo.putItem(b -> b.tableName(TestTenant.READINGS).item(item));
        return this;
    }

    /**
     * An excursion log item; {@code end} null while open. {@code alertId} and {@code acknowledgedBy} may be null.
     */
    public StorageRecords excursion(String start, String end, double min, double max, String maxSeverity,
                                    String alertId, String acknowledgedBy) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s("D#" + thing));
        item.put("sk", s("X#" + start));
        item.put("start", s(start));
        if (end != null) {
            item.put("end", s(end));
            item.put("durationSeconds", AttributeValue.fromN(Long.toString(
                    Duration.between(Instant.parse(start), Instant.parse(end))
                            .getSeconds())));
        }
        item.put("minTemperature", AttributeValue.fromN(Double.toString(min)));
        item.put("maxTemperature", AttributeValue.fromN(Double.toString(max)));
        item.put("alertSent", AttributeValue.fromBool(!"NONE".equals(maxSeverity)));
        item.put("maxSeverity", s(maxSeverity));
        if (alertId != null) {
            item.put("alertId", s(alertId));
        }
        if (acknowledgedBy != null) {
            item.put("acknowledgedBy", s(acknowledgedBy));
        }
        item.put("storageProfile", s("vaccine_fridge"));
        dynamo.putItem(b -> b.tableName(TestTenant.READINGS).item(item));
        return this;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
