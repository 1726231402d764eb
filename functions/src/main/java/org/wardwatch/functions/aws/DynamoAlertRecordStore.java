package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.n;
import static org.wardwatch.functions.aws.Attributes.putIfPresent;
import static org.wardwatch.functions.aws.Attributes.putTime;
import static org.wardwatch.functions.aws.Attributes.s;
import static org.wardwatch.functions.aws.Attributes.time;
import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.Keys.SK;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.core.AlertRecord.TimelineEntry;
import org.wardwatch.functions.service.AlertRecordStore;
import org.wardwatch.functions.service.OutgoingAlert;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.tenant.TableIndexes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Alert records in the readings table (functions/README.md, "Tables"): one item {@code AL#<alertId>} /
 * {@code AL#record} per alert, written whole with {@code PutItem} conditioned on its {@code version}; no TTL (an
 * audit record). While the alert is open the item also carries {@value #OPEN_INDEX_PARTITION} =
 * {@value #OPEN} and {@value #OPEN_INDEX_SORT} = {@code <ward>#<place>#<type>#<subject>#<alertId>}, the keys of
 * the sparse index {@value #OPEN_INDEX}; the put that closes it leaves them out, which takes it out of the index,
 * unless the record still has pending notifications ({@code pending}: each alert as the outbox keeps one, and its
 * claim), which keep it in the index until they are sent. Every record, open or closed, also carries
 * {@value #WARD_INDEX_PARTITION} (its ward) and {@value #WARD_INDEX_SORT} ({@link AlertRecordStore#historyKey}), the
 * keys of the index {@value #WARD_INDEX}: a ward's alert history, newest first.
 * The names are the model's ({@link TableIndexes}), which the stack declares the index with.
 */
public final class DynamoAlertRecordStore implements AlertRecordStore {

    /** The readings table's sparse index of open alert records (partition {@code openIndex}, sort {@code openKey}). */
    public static final String OPEN_INDEX = TableIndexes.BY_OPEN_ALERT;
    public static final String OPEN_INDEX_PARTITION = TableIndexes.OPEN_PARTITION;
    public static final String OPEN_INDEX_SORT = TableIndexes.OPEN_SORT;
    /** The one value of {@link #OPEN_INDEX_PARTITION}. */
    public static final String OPEN = TableIndexes.OPEN;
    /** The readings table's index of every alert record by ward, newest first (the staff API's alert history). */
    public static final String WARD_INDEX = TableIndexes.BY_WARD;
    public static final String WARD_INDEX_PARTITION = TableIndexes.WARD_PARTITION;
    public static final String WARD_INDEX_SORT = TableIndexes.WARD_SORT;
    /** Written for an alert without a ward (the SNS {@code ward} attribute's word for it too). */
    static final String NO_WARD = "none";

    private static final String RECORD = "AL#record";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAlertRecordStore(DynamoDbClient dynamo, String readingsTable) {
        this.dynamo = dynamo;
        this.table = readingsTable;
    }

    static String pk(String alertId) {
        return "AL#" + alertId;
    }

    /** The {@link #OPEN_INDEX_SORT} prefix of the open records of {@code type} at a place, about a subject if given. */
    static String openPrefix(String ward, String place, String type, String subject) {
        String prefix = (ward == null ? NO_WARD : ward) + "#" + place + "#" + type + "#";
        return subject == null ? prefix : prefix + subject + "#";
    }

    @Override
    public Optional<Stored> find(String alertId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key(pk(alertId), RECORD))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
    }

    @Override
    public List<Stored> open() {
        return query(OPEN_INDEX_PARTITION + " = :o", Map.of(":o", s(OPEN)));
    }

    @Override
    public List<Stored> openAt(String ward, String place, String type, String subject) {
        return query(OPEN_INDEX_PARTITION + " = :o AND begins_with(" + OPEN_INDEX_SORT + ", :p)",
                Map.of(":o", s(OPEN), ":p", s(openPrefix(ward, place, type, subject))));
    }

    @Override
    public List<Stored> ofWard(String ward, java.time.Instant from, java.time.Instant to, String before) {
        String upper = AlertRecordStore.historyTime(to);
        if (before != null && before.compareTo(upper) < 0) {
            upper = before;
        }
        String lower = AlertRecordStore.historyTime(from);
        if (upper.compareTo(lower) <= 0) {
            return List.of();
        }
        // upper is exclusive: a key equal to it (the cursor's own record, or a time's bare prefix) is dropped below
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(WARD_INDEX)
                .keyConditionExpression(WARD_INDEX_PARTITION + " = :w AND " + WARD_INDEX_SORT + " BETWEEN :l AND :u")
                .expressionAttributeValues(Map.of(":w", s(ward == null ? NO_WARD : ward), ":l", s(lower),
                        ":u", s(upper)))
                .scanIndexForward(false).build();
        List<Stored> found = new ArrayList<>();
        String last = upper;
        dynamo.queryPaginator(request).items().stream()
                .filter(item -> item.get(WARD_INDEX_SORT).s().compareTo(last) < 0)
                .forEach(item -> found.add(stored(item)));
        return found;
    }

    private List<Stored> query(String condition, Map<String, AttributeValue> values) {
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(OPEN_INDEX)
                .keyConditionExpression(condition).expressionAttributeValues(values).build();
        List<Stored> found = new ArrayList<>();
        dynamo.queryPaginator(request).items().forEach(item -> found.add(stored(item)));
        return found;
    }

    @Override
    public boolean write(Stored expected, AlertRecord next, List<Pending> pending) {
        long version = expected == null ? 1 : expected.version() + 1;
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item(next, version, pending));
        if (expected == null) {
            put.conditionExpression("attribute_not_exists(" + PK + ")");
        } else {
            put.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(expected.version())));
        }
        try {
            dynamo.putItem(put.build());
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    static Map<String, AttributeValue> item(AlertRecord r, long version, List<Pending> pending) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(pk(r.alertId())));
        item.put(SK, s(RECORD));
        item.put("alertId", s(r.alertId()));
        item.put("type", s(r.type()));
        putIfPresent(item, "ward", r.ward());
        item.put("place", s(r.place()));
        item.put("subject", s(r.subject()));
        item.put("severity", s(r.severity().name()));
        putTime(item, "openedAt", r.openedAt());
        putTime(item, "clockFrom", r.clockFrom());
        item.put("stepsSent", n(r.stepsSent()));
        item.put("highestTier", n(r.highestTier()));
        putIfPresent(item, "acknowledgedBy", r.acknowledgedBy());
        putTime(item, "acknowledgedAt", r.acknowledgedAt());
        putIfPresent(item, "acknowledgementNote", r.acknowledgementNote());
        putTime(item, "resolvedAt", r.resolvedAt());
        List<AttributeValue> timeline = new ArrayList<>();
        for (TimelineEntry e : r.timeline()) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            m.put("event", s(e.event()));
            putTime(m, "at", e.at());
            m.put("severity", s(e.severity().name()));
            m.put("tier", n(e.tier()));
            putIfPresent(m, "by", e.by());
            putIfPresent(m, "note", e.note());
            timeline.add(AttributeValue.fromM(m));
        }
        item.put("timeline", AttributeValue.fromL(timeline));
        item.put("version", n(version));
        if (!pending.isEmpty()) {
            List<AttributeValue> outbox = new ArrayList<>();
            for (Pending p : pending) {
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                m.put("thing", s(p.alert().thingName()));
                m.put("key", s(p.alert().key()));
                m.put("subject", s(p.alert().subject()));
                m.put("message", s(p.alert().message()));
                Map<String, AttributeValue> attributes = new LinkedHashMap<>();
                p.alert().attributes().forEach((k, v) -> attributes.put(k, s(v)));
                m.put("attributes", AttributeValue.fromM(attributes));
                putTime(m, "claimedUntil", p.claimedUntil());
                outbox.add(AttributeValue.fromM(m));
            }
            item.put("pending", AttributeValue.fromL(outbox));
        }
        item.put(WARD_INDEX_PARTITION, s(r.ward() == null ? NO_WARD : r.ward()));
        item.put(WARD_INDEX_SORT, s(AlertRecordStore.historyKey(r)));
        if (r.open() || !pending.isEmpty()) {
            item.put(OPEN_INDEX_PARTITION, s(OPEN));
            item.put(OPEN_INDEX_SORT, s(openPrefix(r.ward(), r.place(), r.type(), r.subject()) + r.alertId()));
        }
        return item;
    }

    static Stored stored(Map<String, AttributeValue> item) {
        List<TimelineEntry> timeline = new ArrayList<>();
        for (AttributeValue v : item.getOrDefault("timeline", AttributeValue.fromL(List.of())).l()) {
            Map<String, AttributeValue> m = v.m();
            timeline.add(new TimelineEntry(m.get("event").s(), time(m, "at"), Severity.valueOf(m.get("severity").s()),
                    Integer.parseInt(m.get("tier").n()), text(m, "by"), text(m, "note")));
        }
        AlertRecord record = new AlertRecord(item.get("alertId").s(), item.get("type").s(), text(item, "ward"),
                item.get("place").s(), item.get("subject").s(), Severity.valueOf(item.get("severity").s()),
                time(item, "openedAt"), time(item, "clockFrom"), Integer.parseInt(item.get("stepsSent").n()),
                Integer.parseInt(item.get("highestTier").n()), text(item, "acknowledgedBy"),
                time(item, "acknowledgedAt"), text(item, "acknowledgementNote"), time(item, "resolvedAt"), timeline);
        List<Pending> pending = new ArrayList<>();
        for (AttributeValue v : item.getOrDefault("pending", AttributeValue.fromL(List.of())).l()) {
            Map<String, AttributeValue> m = v.m();
            Map<String, String> attributes = new LinkedHashMap<>();
            m.get("attributes").m().forEach((k, a) -> attributes.put(k, a.s()));
            pending.add(new Pending(new OutgoingAlert(m.get("thing").s(), m.get("key").s(), m.get("subject").s(),
                    m.get("message").s(), attributes), time(m, "claimedUntil")));
        }
        return new Stored(record, Long.parseLong(item.get("version").n()), pending);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}
