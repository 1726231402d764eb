package org.wardwatch.devicecerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.model.device.ThingName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The tenant's devices table, which the functions read (functions/README.md, "Devices"): one item per thing, keyed
 * by {@code thingName}. This class writes only the attributes device-certs owns and leaves others (such as
 * {@code patientRef}) alone; every write is skipped when the item already says the same.
 */
public final class DeviceRegistry {

    public static final String ACTIVE = "ACTIVE";
    public static final String INACTIVE = "INACTIVE";

    private final DynamoDbClient dynamo;
    private final String table;

    public DeviceRegistry(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public String table() {
        return table;
    }

    /** Fails with one clear message when the table is missing, before anything else is changed. */
    public void requireTable() {
        find(new ThingName("-"));
    }

    /** The device's item, if any (a strongly consistent read). */
    public Optional<Map<String, AttributeValue>> find(ThingName thing) {
        try {
            var item = dynamo.getItem(b -> b.tableName(table).key(key(thing)).consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
        } catch (ResourceNotFoundException e) {
            throw missingTable();
        }
    }

    /** Makes the item say: this device, ACTIVE, with this certificate. Returns whether anything changed. */
    public boolean recordActive(DeviceSpec spec, String certificateId) {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("tenantId", spec.tenant().value());
        wanted.put("kind", spec.kind().code());
        wanted.put("ward", spec.ward());
        wanted.put("bed", spec.bed());
        wanted.put("storageProfile", spec.storageProfileIfAny().orElse(null));
        wanted.put("room", spec.room());
        wanted.put("isolation", spec.isolation());
        wanted.put("status", ACTIVE);
        wanted.put("certificateId", certificateId);
        return update(spec.thing(), wanted);
    }

    /** Marks the device INACTIVE, if it has an item. Returns whether anything changed. */
    public boolean recordInactive(ThingName thing) {
        if (find(thing).isEmpty()) {
            return false;
        }
        Map<String, String> wanted = new HashMap<>();
        wanted.put("status", INACTIVE);
        return update(thing, wanted);
    }

    /** Records (or with null, clears) the certificate being rotated out. Returns whether anything changed. */
    public boolean recordPreviousCertificate(ThingName thing, String certificateId) {
        Map<String, String> wanted = new HashMap<>();
        wanted.put("previousCertificateId", certificateId);
        return update(thing, wanted);
    }

    /** Sets the non-null values and removes the null ones, unless the item already matches. */
    private boolean update(ThingName thing, Map<String, String> wanted) {
        Map<String, AttributeValue> current = find(thing).orElse(Map.of());
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            AttributeValue now = current.get(entry.getKey());
            String name = "#a" + names.size();
            if (entry.getValue() == null) {
                if (now != null) {
                    names.put(name, entry.getKey());
                    removes.add(name);
                }
            } else if (now == null || !entry.getValue().equals(now.s())) {
                names.put(name, entry.getKey());
                String value = ":v" + values.size();
                values.put(value, AttributeValue.fromS(entry.getValue()));
                sets.add(name + " = " + value);
            }
        }
        if (sets.isEmpty() && removes.isEmpty()) {
            return false;
        }
        String expression = (sets.isEmpty() ? "" : "SET " + String.join(", ", sets))
                + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(thing)).updateExpression(expression.trim())
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values.isEmpty() ? null : values));
        } catch (ResourceNotFoundException e) {
            throw missingTable();
        }
        return true;
    }

    private static Map<String, AttributeValue> key(ThingName thing) {
        return Map.of("thingName", AttributeValue.fromS(thing.value()));
    }

    private DeviceCertsException missingTable() {
        return new DeviceCertsException("the devices table '" + table + "' does not exist (name it with "
                + "--devices-table or WARDWATCH_DEVICES_TABLE)");
    }
}
