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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.tenant.TableIndexes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One bed's readings in a time range, newest first, a page at a time: the reading items {@code R#<device time>#...}
 * the telemetry function writes with {@code bedKey} = {@code <ward>#<bed>} (functions/README.md, "Tables"), read
 * through the readings table's {@link TableIndexes#BY_BED} index, optionally of one metric (a filter: the metric
 * follows the time in the sort key). The index is eventually consistent: a reading just stored may be missing for
 * a moment. What the staff API's bed readings show; nothing here logs (readings are patient data).
 */
public final class DynamoBedReadings {

    /** One reading as it was stored: canonical value and unit, the device that took it, its device time. */
    public record StoredReading(Metric metric, double value, String unit, String thingName, DeviceKind kind,
                                Instant deviceTime) {
    }

    /** Where a page ended: the last reading's table keys, from which the next page continues (older ones). */
    public record Position(String pk, String sk) {

        /** {@code <sk>|<pk>}: neither a thing name nor a reading's time and metric hold a {@code |}. */
        public static final Pattern FORM = Pattern.compile(
                "(R#[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z#[a-z0-9_]{1,40}#"
                        + "[^\\p{Cntrl}]{1,300}#[0-9]{1,6})\\|(D#[a-zA-Z0-9:_-]{1,128})");

        /** The text a cursor carries. */
        public String text() {
            return sk + "|" + pk;
        }

        /** The position {@code text} names, if it has {@link #FORM}. */
        public static Optional<Position> of(String text) {
            Matcher m = text == null ? null : FORM.matcher(text);
            return m != null && m.matches() ? Optional.of(new Position(m.group(2), m.group(1))) : Optional.empty();
        }

        /** Whether this position lies in {@code [from, to)}: a cursor continues the window it was given for. */
        public boolean within(Instant from, Instant to) {
            return sk.compareTo(bound(from)) >= 0 && sk.compareTo(bound(to)) < 0;
        }
    }

    /** A page, newest first; {@code next} where to continue, empty on the last page. */
    public record Page(List<StoredReading> readings, Optional<Position> next) {
    }

    /** How many index items one request evaluates when a metric is filtered on (the filter runs after the limit). */
    private static final int FILTERED_BATCH = 500;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBedReadings(DynamoDbClient dynamo, String readingsTable) {
        this.dynamo = dynamo;
        this.table = readingsTable;
    }

    /**
     * The bed's readings taken (device time) in {@code [from, to)}, of {@code metric} only when it is not null,
     * newest first, at most {@code limit}, continuing after {@code after} when it is not null (a position a page
     * of the same bed and window gave).
     */
    public Page page(String ward, String bed, Instant from, Instant to, Metric metric, Position after, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":bed", s(ward + "#" + bed),
                ":from", s(bound(from)), ":to", s(bound(to))));
        Map<String, String> names = null;
        String filter = null;
        if (metric != null) {
            values.put(":metric", s(metric.code()));
            names = Map.of("#metric", "metric");
            filter = "#metric = :metric";
        }
        Map<String, AttributeValue> start = after == null ? null : startKey(ward, bed, after);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        do {
            Map<String, AttributeValue> exclusive = start;
            Map<String, String> attributeNames = names;
            String filterExpression = filter;
            int batch = metric == null ? limit + 1 - items.size() : FILTERED_BATCH;
            QueryResponse r = dynamo.query(b -> b.tableName(table).indexName(TableIndexes.BY_BED)
                    .keyConditionExpression(TableIndexes.BED_KEY + " = :bed AND " + SK + " BETWEEN :from AND :to")
                    .filterExpression(filterExpression).expressionAttributeNames(attributeNames)
                    .expressionAttributeValues(values).scanIndexForward(false).limit(batch)
                    .exclusiveStartKey(exclusive));
            items.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && items.size() <= limit);
        if (items.size() > limit) {
            Map<String, AttributeValue> last = items.get(limit - 1);
            return new Page(items.subList(0, limit).stream().map(DynamoBedReadings::reading).toList(),
                    Optional.of(new Position(last.get(PK).s(), last.get(SK).s())));
        }
        return new Page(items.stream().map(DynamoBedReadings::reading).toList(), Optional.empty());
    }

    /** {@code R#<time>}: every reading key of that millisecond sorts after it, every earlier one before. */
    private static String bound(Instant t) {
        return "R#" + Keys.time(t);
    }

    private static Map<String, AttributeValue> startKey(String ward, String bed, Position p) {
        return Map.of(TableIndexes.BED_KEY, s(ward + "#" + bed), PK, s(p.pk()), SK, s(p.sk()));
    }

    private static StoredReading reading(Map<String, AttributeValue> item) {
        Metric metric = Metric.fromCode(item.get("metric").s()).orElseThrow();
        return new StoredReading(metric, Double.parseDouble(item.get("value").n()),
                item.containsKey("unit") ? item.get("unit").s() : null, item.get("thingName").s(),
                DeviceKind.fromCode(item.get("kind").s()).orElse(null), Instant.parse(item.get("deviceTime").s()));
    }
}
