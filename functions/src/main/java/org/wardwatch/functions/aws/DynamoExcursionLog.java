package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.s;
import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.Keys.SK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.functions.core.ExcursionRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A storage unit's excursion log as staff read it: the items {@code D#<thing>} / {@code X#<start>} the telemetry
 * function writes (functions/README.md, "Cold chain"), with the acknowledgement's columns. Key-range Queries only.
 */
public final class DynamoExcursionLog {

    /** One excursion and what staff recorded of it ({@code acknowledgedAt}, {@code actionsTaken}; null if not). */
    public record Entry(ExcursionRecord excursion, Instant acknowledgedAt, String actionsTaken) {
    }

    /** A page, newest first; {@code nextBefore} the start to continue before, null at the end. */
    public record Page(List<Entry> entries, Instant nextBefore) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoExcursionLog(DynamoDbClient dynamo, String readingsTable) {
        this.dynamo = dynamo;
        this.table = readingsTable;
    }

    /**
     * The excursions that started in {@code [from, to)} and before {@code before} (null: no such bound), newest
     * first, at most {@code limit}.
     */
    public Page page(String thingName, Instant from, Instant to, Instant before, int limit) {
        Instant until = before != null && before.isBefore(to) ? before : to;
        List<Entry> entries = new ArrayList<>();
        if (!from.isBefore(until)) {
            return new Page(entries, null);
        }
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusive = start;
            int left = limit + 1 - entries.size();
            QueryResponse r = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression(PK + " = :pk AND " + SK + " BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.device(thingName)),
                            ":from", s(Keys.excursion(from)), ":to", s(Keys.excursion(until.minusMillis(1)))))
                    .scanIndexForward(false).limit(left).exclusiveStartKey(exclusive));
            r.items().forEach(item -> entries.add(entry(item)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && entries.size() <= limit);
        if (entries.size() > limit) {
            entries.subList(limit, entries.size()).clear();
            return new Page(entries, entries.get(limit - 1).excursion().start());
        }
        return new Page(entries, null);
    }

    /** The device's latest excursion, open or ended. */
    public Optional<Entry> latest(String thingName) {
        return dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression(PK + " = :pk AND begins_with(" + SK + ", :x)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.device(thingName)), ":x", s("X#")))
                .scanIndexForward(false).limit(1)).items().stream().findFirst().map(DynamoExcursionLog::entry);
    }

    /** The excursion that started at {@code start}. */
    public Optional<Entry> find(String thingName, Instant start) {
        Map<String, AttributeValue> key = new HashMap<>(Attributes.key(Keys.device(thingName), Keys.excursion(start)));
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(entry(item));
    }

    static Entry entry(Map<String, AttributeValue> item) {
        return new Entry(DynamoTemperatureLogSource.excursion(item), Attributes.time(item, "acknowledgedAt"),
                DynamoDeviceRegistry.text(item, "actionsTaken"));
    }
}
