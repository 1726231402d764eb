package org.wardwatch.staffapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit table read back in time order ({@link AuditLog}'s items): one Query per UTC day partition
 * {@code AU#<day>} from {@code from}'s day to {@code to}'s, each a key range of sort keys
 * {@code <instant, fixed-width>#<id>}, page by page until a page is full. Query only: nothing here writes.
 */
class AuditReader {

    /** An audit item as stored. */
    record Item(String sk, Map<String, AttributeValue> attributes) {
    }

    /** A page; {@code after} the sort key to continue after, null at the end. */
    record Page(List<Item> items, String after) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    AuditReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The entries at or after {@code from} and before {@code to}, after the sort key {@code after} (null: none). */
    Page read(Instant from, Instant to, String after, int limit) {
        List<Item> items = new ArrayList<>();
        String low = AuditLog.time(from);
        String high = AuditLog.time(to);
        LocalDate first = day(from);
        if (after != null && after.compareTo(low) > 0) {
            first = LocalDate.parse(after.substring(0, 10));
        }
        for (LocalDate day = first; !day.isAfter(day(to)) && items.size() <= limit; day = day.plusDays(1)) {
            String pk = "AU#" + day;
            Map<String, AttributeValue> start = after != null && after.startsWith(day.toString())
                    ? Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(after)) : null;
            do {
                Map<String, AttributeValue> exclusive = start;
                int left = limit + 1 - items.size();
                QueryResponse r = dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                                ":low", AttributeValue.fromS(low), ":high", AttributeValue.fromS(high)))
                        .limit(left).exclusiveStartKey(exclusive));
                r.items().stream().filter(i -> i.get("sk").s().compareTo(high) < 0)
                        .forEach(i -> items.add(new Item(i.get("sk").s(), i)));
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null && items.size() <= limit);
        }
        if (items.size() > limit) {
            items.subList(limit, items.size()).clear();
            return new Page(items, items.get(limit - 1).sk());
        }
        return new Page(items, null);
    }

    private static LocalDate day(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
