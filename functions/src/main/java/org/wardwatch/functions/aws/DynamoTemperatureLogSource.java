package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.Keys.SK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wardwatch.functions.core.ExcursionRecord;
import org.wardwatch.functions.core.LoggedTemperature;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.functions.service.TemperatureLogSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Temperature readings and excursion items of a device's partition in the readings table (functions/README.md,
 * "Tables"). Both are key-range queries, read page by page to the end.
 *
 * <p>An excursion's item is keyed by its start ({@code X#<start>}), so the excursions that start in a window
 * are a key range; the one that may have started before the window and run into it is the latest item before the
 * window's start, found by reading that key range backwards for one item. A device has one excursion at a time,
 * so no earlier one can reach into the window.
 */
public final class DynamoTemperatureLogSource implements TemperatureLogSource {

    private final DynamoDbClient dynamo;
    private final String readingsTable;
    private final Integer pageSize;

    public DynamoTemperatureLogSource(DynamoDbClient dynamo, String readingsTable) {
        this(dynamo, readingsTable, null);
    }

    /** @param pageSize items evaluated per query page; null for DynamoDB's 1 MB pages (smaller in tests) */
    DynamoTemperatureLogSource(DynamoDbClient dynamo, String readingsTable, Integer pageSize) {
        this.dynamo = dynamo;
        this.readingsTable = readingsTable;
        this.pageSize = pageSize;
    }

    @Override
    public List<LoggedTemperature> temperatures(String thingName, Instant from, Instant to) {
        // "R#<from>" sorts before every reading taken at from, "R#<to>" before every reading taken at to.
        QueryRequest query = QueryRequest.builder().tableName(readingsTable)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .filterExpression("#metric = :metric")
                .projectionExpression("#sk, #value")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#metric", "metric", "#value", "value"))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(Keys.device(thingName)),
                        ":from", AttributeValue.fromS("R#" + Keys.time(from)),
                        ":to", AttributeValue.fromS("R#" + Keys.time(to)),
                        ":metric", AttributeValue.fromS(Metric.STORAGE_TEMPERATURE.code())))
                .limit(pageSize)
                .build();
        List<LoggedTemperature> readings = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            String sk = item.get(SK).s();
            Instant deviceTime = Instant.parse(sk.substring(2, sk.indexOf('#', 2)));
            readings.add(new LoggedTemperature(deviceTime, Double.parseDouble(item.get("value").n())));
        }
        return readings;
    }

    @Override
    public List<ExcursionRecord> excursions(String thingName, Instant from, Instant to) {
        List<ExcursionRecord> excursions = new ArrayList<>();
        QueryRequest before = excursionQuery(thingName, "X#", "X#" + Keys.time(from.minusMillis(1)))
                .scanIndexForward(false).limit(1).build();
        for (Map<String, AttributeValue> item : dynamo.query(before).items()) {
            ExcursionRecord earlier = excursion(item);
            if (earlier.isOpen() || earlier.end().isAfter(from)) {
                excursions.add(earlier);
            }
        }
        QueryRequest within = excursionQuery(thingName, "X#" + Keys.time(from), "X#" + Keys.time(to.minusMillis(1)))
                .limit(pageSize).build();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(within).items()) {
            excursions.add(excursion(item));
        }
        return excursions;
    }

    private QueryRequest.Builder excursionQuery(String thingName, String fromKey, String toKey) {
        return QueryRequest.builder().tableName(readingsTable)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(Keys.device(thingName)),
                        ":from", AttributeValue.fromS(fromKey),
                        ":to", AttributeValue.fromS(toKey)));
    }

    /** An excursion log item as the temperature log reads it. */
    static ExcursionRecord excursion(Map<String, AttributeValue> item) {
        String sk = item.get(SK).s();
        String start = text(item, "start");
        String end = text(item, "end");
        String severity = text(item, "maxSeverity");
        AttributeValue alertSent = item.get("alertSent");
        Severity maxSeverity;
        try {
            maxSeverity = severity == null ? Severity.NONE : Severity.valueOf(severity);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("excursion item " + sk + " has a maxSeverity that is not "
                    + "NONE, WARNING or CRITICAL");
        }
        return new ExcursionRecord(Instant.parse(start != null ? start : sk.substring(2)),
                end == null ? null : Instant.parse(end),
                number(item, "minTemperature"), number(item, "maxTemperature"),
                alertSent != null && Boolean.TRUE.equals(alertSent.bool()), maxSeverity,
                text(item, "alertId"), text(item, "acknowledgedBy"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null || value.s().isEmpty() ? null : value.s();
    }

    private static Double number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Double.valueOf(value.n());
    }
}
