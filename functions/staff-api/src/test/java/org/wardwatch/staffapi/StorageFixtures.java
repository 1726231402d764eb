package org.wardwatch.staffapi;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.functions.aws.DynamoPresenceStore;
import org.wardwatch.functions.aws.DynamoTelemetryStore;
import org.wardwatch.functions.core.AlertState;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.functions.core.PresenceEvent;
import org.wardwatch.functions.core.PresenceState;
import org.wardwatch.functions.service.LatestState;
import org.wardwatch.functions.service.PresenceStore;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.device.DeviceKind;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Devices and storage units written into the emulator as device-certs and the functions write them: registry rows;
 * presence through the presence store and device conditions through the telemetry store; latest, reading and
 * excursion items in the layout functions/README.md ("Tables", "Temperature logs") gives, as the functions'
 * temperature-log tests seed them.
 */
final class StorageFixtures {

    final DynamoDbClient dynamo = StaffEmulator.dynamo();
    private final DynamoTelemetryStore telemetry = new DynamoTelemetryStore(dynamo, StaffEmulator.READINGS, null,
            java.time.Duration.ofDays(1), java.time.Duration.ofDays(1));
    private final DynamoPresenceStore presence = new DynamoPresenceStore(dynamo, StaffEmulator.READINGS, null,
            java.time.Duration.ofDays(1));
    private int messages;

    /** A registry row as device-certs writes it. */
    void register(String thing, DeviceKind kind, String ward, String bed, String storageProfile, String status,
                  String tenant) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("thingName", s(thing));
        item.put("tenantId", s(tenant));
        item.put("kind", s(kind.code()));
        item.put("ward", s(ward));
        item.put("status", s(status));
        if (bed != null) {
            item.put("bed", s(bed));
        }
        if (storageProfile != null) {
            item.put("storageProfile", s(storageProfile));
        }
        dynamo.putItem(b -> b.tableName(StaffEmulator.DEVICES).item(item));
    }

    void fridge(String thing, String ward) {
        register(thing, DeviceKind.STORAGE_SENSOR, ward, null, "vaccine_fridge", "ACTIVE", StaffEmulator.TENANT);
    }

    /** A storage temperature reading and its latest item. */
    StorageFixtures temperature(String thing, String deviceTime, double celsius) {
        String messageId = "m-" + ++messages;
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s("D#" + thing));
        item.put("sk", s("R#" + deviceTime + "#storage_temperature#" + messageId + "#0"));
        item.put("thingName", s(thing));
        item.put("tenantId", s(StaffEmulator.TENANT));
        item.put("kind", s("storage_sensor"));
        item.put("metric", s("storage_temperature"));
        item.put("value", AttributeValue.fromN(Double.toString(celsius)));
        item.put("unit", s("Cel"));
        item.put("deviceTime", s(deviceTime));
        item.put("receivedAt", s(deviceTime));
        dynamo.putItem(b -> b.tableName(StaffEmulator.READINGS).item(item));
        return latest(thing, "storage_temperature", celsius, deviceTime);
    }

    /** A metric's latest item (as the telemetry store leaves it, with no alert). */
    StorageFixtures latest(String thing, String metric, double value, String deviceTime) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s("D#" + thing));
        item.put("sk", s("L#" + metric));
        item.put("metric", s(metric));
        item.put("value", AttributeValue.fromN(Double.toString(value)));
        item.put("deviceTime", s(deviceTime));
        item.put("receivedAt", s(deviceTime));
        item.put("severity", s("NONE"));
        item.put("version", AttributeValue.fromN("1"));
        dynamo.putItem(b -> b.tableName(StaffEmulator.READINGS).item(item));
        return this;
    }

    /** An excursion log entry; {@code end} null while open. */
    StorageFixtures excursion(String thing, String start, String end, double min, double max, String maxSeverity,
                              String alertId, String tenant) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s("D#" + thing));
        item.put("sk", s("X#" + start));
        item.put("thingName", s(thing));
        item.put("tenantId", s(tenant));
        item.put("storageProfile", s("vaccine_fridge"));
        item.put("start", s(start));
        if (end != null) {
            item.put("end", s(end));
            item.put("durationSeconds", AttributeValue.fromN(Long.toString(
                    Instant.parse(end).getEpochSecond() - Instant.parse(start).getEpochSecond())));
        }
        item.put("minTemperature", AttributeValue.fromN(Double.toString(min)));
        item.put("maxTemperature", AttributeValue.fromN(Double.toString(max)));
        item.put("alertSent", AttributeValue.fromBool(!"NONE".equals(maxSeverity)));
        item.put("maxSeverity", s(maxSeverity));
        if (alertId != null) {
            item.put("alertId", s(alertId));
        }
        dynamo.putItem(b -> b.tableName(StaffEmulator.READINGS).item(item));
        return this;
    }

    /** The device's presence as the presence function records a connect at {@code at}, or a disconnect. */
    void presence(Device device, Instant at, boolean connected) {
        PresenceEvent event = new PresenceEvent(device.thingName(), at, connected ? PresenceEvent.Type.CONNECTED
                : PresenceEvent.Type.DISCONNECTED, "session-1", 1, connected ? null : "MQTT_KEEP_ALIVE_TIMEOUT",
                connected ? null : false);
        PresenceStore.Stored stored = presence.presence(device.thingName());
        if (!presence.advance(device, stored, new PresenceState(event, connected ? null : event))) {
            throw new IllegalStateException("presence changed while written");
        }
    }

    /** A device condition (battery, silence) at WARNING, as the telemetry or silence function leaves it. */
    void condition(String thing, DeviceCondition condition, Instant at) {
        if (!telemetry.advanceCondition(thing, condition, LatestState.NONE,
                new AlertState(Severity.WARNING, "C0ND1T1", at, at), Optional.empty())) {
            throw new IllegalStateException("condition exists");
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
