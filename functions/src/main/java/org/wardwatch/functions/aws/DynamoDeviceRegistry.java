package org.wardwatch.functions.aws;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.wardwatch.functions.core.Device;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.Isolation;
import org.wardwatch.functions.service.DeviceRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The devices table, read through a short cache: a warm function instance sees thousands of messages from the
 * same few hundred devices. A revocation takes effect in the function within the cache's lifetime; the IoT
 * registry refuses a revoked certificate at once.
 */
public final class DynamoDeviceRegistry implements DeviceRegistry {

    private record Cached(Optional<Device> device, long expiresAtNanos) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public DynamoDeviceRegistry(DynamoDbClient dynamo, String table, Duration cacheTtl) {
        this(dynamo, table, cacheTtl, System::nanoTime);
    }

    DynamoDeviceRegistry(DynamoDbClient dynamo, String table, Duration cacheTtl, LongSupplier clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.ttlNanos = cacheTtl.toNanos();
        this.clock = clock;
    }

    @Override
    public Optional<Device> find(String thingName) {
        long now = clock.getAsLong();
        Cached cached = cache.get(thingName);
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return cached.device();
        }
        Optional<Device> device = load(thingName);
        if (ttlNanos > 0) {
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(thingName, new Cached(device, now + ttlNanos));
        }
        return device;
    }

    private Optional<Device> load(String thingName) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(Map.of("thingName", AttributeValue.fromS(thingName)))
                .build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return device(thingName, item);
    }

    /**
     * A registry row as a device; empty when its kind, or a room's isolation, is unknown (it must not let readings
     * through unchecked, nor watch an isolation room as an ordinary one).
     */
    static Optional<Device> device(String thingName, Map<String, AttributeValue> item) {
        Optional<Isolation> isolation = Isolation.fromCode(text(item, "isolation"));
        return DeviceKind.fromCode(text(item, "kind")).flatMap(kind -> isolation.map(i -> new Device(thingName,
                text(item, "tenantId"), kind, text(item, "ward"), text(item, "bed"), text(item, "storageProfile"),
                text(item, "patientRef"), "ACTIVE".equals(text(item, "status")), text(item, "room"), i)));
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null || value.s().isEmpty() ? null : value.s();
    }
}
