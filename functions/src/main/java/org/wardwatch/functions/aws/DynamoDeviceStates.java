package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.key;
import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.Keys.SK;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.functions.core.PresenceState;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.reading.Metric;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * What staff see of devices, read as the functions store it (functions/README.md, "Tables"): every row of the
 * devices table with its status (a Scan), and per device, in one batch read of its partition's items, its
 * presence ({@code P#presence}), its battery and silence conditions ({@code H#battery}, {@code H#silence}) and the
 * latest item of each metric its kind measures ({@code L#<metric>}: value, device time, arrival). Reads only.
 */
public final class DynamoDeviceStates {

    /** A registry row: the device as the functions read it, and its status as written ({@code ACTIVE}, ...). */
    public record Registered(Device device, String status) {
    }

    /** A metric's latest reading. */
    public record Latest(double value, String unit, Instant deviceTime, Instant receivedAt) {
    }

    /**
     * A device's stored state.
     *
     * @param lastSeen when its newest latest reading arrived; null if it never reported
     * @param battery  the battery condition's severity ({@link Severity#NONE} when not low or never evaluated)
     * @param silence  the silence condition's severity ({@link Severity#NONE} when not silent)
     */
    public record State(PresenceState presence, Instant lastSeen, Severity battery, Severity silence,
                        Map<Metric, Latest> latest) {
        public static final State NONE = new State(PresenceState.NONE, null, Severity.NONE, Severity.NONE, Map.of());
    }

    private final DynamoDbClient dynamo;
    private final String devicesTable;
    private final DynamoTelemetryStore reads;

    public DynamoDeviceStates(DynamoDbClient dynamo, String devicesTable, String readingsTable) {
        this.dynamo = dynamo;
        this.devicesTable = devicesTable;
        this.reads = new DynamoTelemetryStore(dynamo, readingsTable, null, Duration.ZERO, Duration.ZERO);
    }

    /** Every row of the devices table whose kind is known, whatever its status (paginated Scan). */
    public List<Registered> registered() {
        List<Registered> rows = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(ScanRequest.builder().tableName(devicesTable)
                .build()).items()) {
            String status = DynamoDeviceRegistry.text(item, "status");
            DynamoDeviceRegistry.device(DynamoDeviceRegistry.text(item, "thingName"), item)
                    .ifPresent(d -> rows.add(new Registered(d, status)));
        }
        return rows;
    }

    /** Each device's state, by thing name; one BatchGetItem per 100 keys. */
    public Map<String, State> states(Collection<Device> devices) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Map<String, String> thingByPartition = new HashMap<>();
        for (Device d : devices) {
            String pk = Keys.device(d.thingName());
            thingByPartition.put(pk, d.thingName());
            keys.add(key(pk, DynamoPresenceStore.PRESENCE));
            keys.add(key(pk, Keys.condition(DeviceCondition.BATTERY)));
            keys.add(key(pk, Keys.condition(DeviceCondition.SILENCE)));
            d.kind().metrics().forEach(m -> keys.add(key(pk, Keys.latest(m))));
        }
        Map<String, Map<String, Map<String, AttributeValue>>> items = new HashMap<>();
        for (Map<String, AttributeValue> item : reads.batchGet(keys, null)) {
            items.computeIfAbsent(item.get(PK).s(), k -> new HashMap<>()).put(item.get(SK).s(), item);
        }
        Map<String, State> states = new HashMap<>();
        items.forEach((pk, bySk) -> {
            String thing = thingByPartition.get(pk);
            Map<Metric, Latest> latest = new EnumMap<>(Metric.class);
            Instant seen = null;
            for (Metric m : Metric.values()) {
                Map<String, AttributeValue> item = bySk.get(Keys.latest(m));
                if (item != null && item.containsKey("value")) {
                    Latest l = new Latest(Double.parseDouble(item.get("value").n()),
                            DynamoDeviceRegistry.text(item, "unit"), instant(item, "deviceTime"),
                            instant(item, "receivedAt"));
                    latest.put(m, l);
                    if (l.receivedAt() != null && (seen == null || l.receivedAt().isAfter(seen))) {
                        seen = l.receivedAt();
                    }
                }
            }
            states.put(thing, new State(DynamoPresenceStore.state(thing, bySk.get(DynamoPresenceStore.PRESENCE)),
                    seen, severity(bySk.get(Keys.condition(DeviceCondition.BATTERY))),
                    severity(bySk.get(Keys.condition(DeviceCondition.SILENCE))), latest));
        });
        return states;
    }

    private static Severity severity(Map<String, AttributeValue> item) {
        return item == null || !item.containsKey("severity") ? Severity.NONE
                : Severity.valueOf(item.get("severity").s());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = DynamoDeviceRegistry.text(item, name);
        return text == null ? null : Instant.parse(text);
    }
}
