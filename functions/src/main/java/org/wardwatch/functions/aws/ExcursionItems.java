package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.key;
import static org.wardwatch.functions.aws.Attributes.n;
import static org.wardwatch.functions.aws.Attributes.putIfPresent;
import static org.wardwatch.functions.aws.Attributes.s;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.Excursion;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The excursion log's entries {@code X#<start>} (functions/README.md, "Temperature logs"). */
final class ExcursionItems {

    private ExcursionItems() {
    }

    /**
     * The excursion log entry {@code X#<start>} as the excursion now stands, created by its first reading and
     * updated by each later one and by its end. An update, not a put: it sets only the excursion's own attributes,
     * so an acknowledgement recorded while it is open ({@code acknowledgedBy}, {@code acknowledgedAt},
     * {@code actionsTaken}) stays.
     */
    static Update update(String readingsTable, Device device, Excursion e, Duration coldChainRetention) {
        Map<String, AttributeValue> attributes = attributes(device, e, coldChainRetention);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> assignments = new ArrayList<>();
        for (Map.Entry<String, AttributeValue> a : attributes.entrySet()) {
            String n = "#x" + names.size();
            names.put(n, a.getKey());
            values.put(":x" + values.size(), a.getValue());
            assignments.add(n + " = :x" + (values.size() - 1));
        }
        return Update.builder().tableName(readingsTable).key(key(Keys.device(device.thingName()),
                        Keys.excursion(e.start())))
                .updateExpression("SET " + String.join(", ", assignments))
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private static Map<String, AttributeValue> attributes(Device device, Excursion e, Duration coldChainRetention) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("thingName", s(device.thingName()));
        item.put("tenantId", s(device.tenantId()));
        putIfPresent(item, "ward", device.ward());
        item.put("storageProfile", s(e.storageProfile()));
        item.put("start", s(Keys.time(e.start())));
        if (e.end() != null) {
            item.put("end", s(Keys.time(e.end())));
            item.put("durationSeconds", n(e.duration().getSeconds()));
        }
        item.put("minTemperature", n(e.min()));
        item.put("maxTemperature", n(e.max()));
        item.put("maxSeverity", s(e.maxSeverity().name()));
        item.put("alertSent", AttributeValue.fromBool(e.alertSent()));
        putIfPresent(item, "alertId", e.alertId());
        item.put("expiresAt", n((e.end() == null ? e.start() : e.end()).plus(coldChainRetention).getEpochSecond()));
        return item;
    }
}
