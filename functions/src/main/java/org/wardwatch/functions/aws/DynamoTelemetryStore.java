package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.key;
import static org.wardwatch.functions.aws.Attributes.n;
import static org.wardwatch.functions.aws.Attributes.putIfPresent;
import static org.wardwatch.functions.aws.Attributes.s;
import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.StateItems.STATE_ATTRIBUTES;
import static org.wardwatch.functions.aws.StateItems.conditionState;
import static org.wardwatch.functions.aws.StateItems.latestState;
import static org.wardwatch.functions.aws.Keys.SK;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.wardwatch.functions.core.AlertState;
import org.wardwatch.functions.core.DecodedMessage;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.Episode;
import org.wardwatch.functions.core.Excursion;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.functions.core.Reading;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.News2State;
import org.wardwatch.functions.core.NurseObservations;
import org.wardwatch.functions.service.News2Stored;
import org.wardwatch.model.news2.Consciousness;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.tenant.TableIndexes;
import org.wardwatch.functions.service.BedParameter;
import org.wardwatch.functions.service.BedSnapshot;
import org.wardwatch.functions.service.DeviceSnapshot;
import org.wardwatch.functions.service.LatestState;
import org.wardwatch.functions.service.OutgoingAlert;
import org.wardwatch.functions.service.Place;
import org.wardwatch.functions.service.QuarantineEntry;
import org.wardwatch.functions.service.SentAlert;
import org.wardwatch.functions.service.StateAdvance;
import org.wardwatch.functions.service.TelemetryResult;
import org.wardwatch.functions.service.TelemetryStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** {@link TelemetryStore} on the tenant's readings and quarantine tables (layout: functions/README.md). */
public final class DynamoTelemetryStore implements TelemetryStore {

    private static final int WRITE_BATCH_LIMIT = 25;
    private static final int GET_BATCH_LIMIT = 100;
    private static final int MAX_CONFLICT_RETRIES = 8;

    private final DynamoDbClient dynamo;
    private final String readingsTable;
    private final String quarantineTable;
    private final Duration retention;
    private final Duration coldChainRetention;
    private final ConcurrentWrites concurrently = new ConcurrentWrites();
    private final UnprocessedRetry unprocessed = UnprocessedRetry.standard();

    /**
     * @param retention how long readings and quarantined items are kept
     * @param coldChainRetention how long storage temperatures, door readings and excursions are kept (CDC: 3 years)
     */
    public DynamoTelemetryStore(DynamoDbClient dynamo, String readingsTable, String quarantineTable,
                                Duration retention, Duration coldChainRetention) {
        this.dynamo = dynamo;
        this.readingsTable = readingsTable;
        this.quarantineTable = quarantineTable;
        this.retention = retention;
        this.coldChainRetention = coldChainRetention;
    }

    /**
     * One consistent {@code BatchGetItem} of the device's partition: the message's processed marker, each metric's
     * latest item and each condition's item (a handful of keys, under the 100 a request may hold).
     */
    @Override
    public DeviceSnapshot snapshot(String thingName, String messageId, Set<Metric> metrics,
                                   Set<DeviceCondition> conditions, String ward, String bed, Set<Metric> bedMetrics,
                                   boolean news2) {
        String pk = Keys.device(thingName);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(key(pk, Keys.message(messageId)));
        metrics.forEach(m -> keys.add(key(pk, Keys.latest(m))));
        conditions.forEach(c -> keys.add(key(pk, Keys.condition(c))));
        boolean bedDevice = bedMetrics != null;
        boolean atBed = bedDevice && ward != null && bed != null;
        if (bedDevice) {
            keys.add(key(pk, Keys.PLACE));
        }
        if (atBed) {
            keys.addAll(news2 ? news2BedKeys(ward, bed, bedMetrics) : bedKeys(ward, bed, bedMetrics));
        }
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        // A bed's items are read whole; a device's alone need only their state.
        for (Map<String, AttributeValue> item : batchGet(keys, bedDevice ? null : SK + ", " + STATE_ATTRIBUTES)) {
            items.put(item.get(SK).s(), item);
        }
        Map<Metric, LatestState> latest = new EnumMap<>(Metric.class);
        for (Metric metric : metrics) {
            Map<String, AttributeValue> item = items.get(Keys.latest(metric));
            if (item != null) {
                latest.put(metric, latestState(item));
            }
        }
        Map<DeviceCondition, LatestState> states = new EnumMap<>(DeviceCondition.class);
        for (DeviceCondition condition : conditions) {
            Map<String, AttributeValue> item = items.get(Keys.condition(condition));
            if (item != null) {
                states.put(condition, conditionState(item));
            }
        }
        if (!bedDevice) {
            return new DeviceSnapshot(items.containsKey(Keys.message(messageId)), latest, states);
        }
        Map<String, AttributeValue> place = items.get(Keys.PLACE);
        return new DeviceSnapshot(items.containsKey(Keys.message(messageId)), latest, states,
                atBed ? bedSnapshot(ward, bed, items, news2) : null, place == null || !place.containsKey("ward") ? null
                        : new Place(place.get("ward").s(), place.get("bed").s()));
    }

    private static List<Map<String, AttributeValue>> bedKeys(String ward, String bed, Set<Metric> metrics) {
        String pk = Keys.bed(ward, bed);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(key(pk, Keys.ADMISSION));
        metrics.forEach(m -> keys.add(key(pk, Keys.bedParameter(m))));
        return keys;
    }

    /** A bed's keys for NEWS2: every parameter it scores besides {@code metrics}, its alert and observations. */
    private static List<Map<String, AttributeValue>> news2BedKeys(String ward, String bed, Set<Metric> metrics) {
        Set<Metric> all = EnumSet.copyOf(News2Parameter.METRICS);
        all.addAll(metrics);
        List<Map<String, AttributeValue>> keys = bedKeys(ward, bed, all);
        keys.add(key(Keys.bed(ward, bed), News2Items.ALERT));
        keys.add(key(Keys.bed(ward, bed), News2Items.OBSERVATIONS));
        return keys;
    }

    /**
     * The bed's admission and parameters among {@code items} (by sort key); with {@code news2}, its NEWS2 alert and
     * the observations of the current admission too.
     */
    private static BedSnapshot bedSnapshot(String ward, String bed, Map<String, Map<String, AttributeValue>> items,
                                           boolean news2) {
        Map<Metric, BedParameter> parameters = new EnumMap<>(Metric.class);
        for (Map.Entry<String, Map<String, AttributeValue>> e : items.entrySet()) {
            if (e.getKey().startsWith("P#")) {
                BedParameter p = BedItems.parameter(e.getValue());
                parameters.put(p.metric(), p);
            }
        }
        Map<String, AttributeValue> item = items.get(Keys.ADMISSION);
        Optional<Admission> admission = item == null ? Optional.empty() : Optional.of(AdmissionItems.admission(item));
        if (!news2) {
            return new BedSnapshot(ward, bed, admission, parameters);
        }
        Map<String, AttributeValue> alert = items.get(News2Items.ALERT);
        News2Stored stored = new News2Stored(alert == null ? News2State.INITIAL : News2Items.state(alert),
                News2Items.version(alert), News2Items.observationsOf(items.get(News2Items.OBSERVATIONS),
                admission.map(Admission::admittedAt).orElse(null)));
        return new BedSnapshot(ward, bed, admission, parameters, stored);
    }

    @Override
    public BedSnapshot news2Bed(String ward, String bed) {
        return bedSnapshot(ward, bed, itemsBySortKey(news2BedKeys(ward, bed, Set.of())), true);
    }

    @Override
    public NurseObservations lastObservations(String ward, String bed) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(readingsTable).consistentRead(true)
                .key(key(Keys.bed(ward, bed), News2Items.OBSERVATIONS))).item();
        return item == null || item.isEmpty() ? NurseObservations.NONE
                : News2Items.observationsOf(item, Attributes.time(item, "admittedAt"));
    }

    @Override
    public boolean advanceNews2(String ward, String bed, long expectedVersion, News2State next,
                                Optional<OutgoingAlert> alert, String thingName, Instant receivedAt) {
        return putVersioned(News2Items.alert(ward, bed, next, expectedVersion + 1), expectedVersion,
                thingName == null ? Optional.empty() : alert, thingName, receivedAt);
    }

    @Override
    public NurseObservations recordObservation(String ward, String bed, Instant admittedAt,
                                               Consciousness consciousness, Boolean oxygen, String by, Instant time) {
        dynamo.putItem(b -> b.tableName(readingsTable).item(News2Items.historyEntry(ward, bed, admittedAt,
                consciousness, oxygen, by, time)));
        Map<String, AttributeValue> key = key(Keys.bed(ward, bed), News2Items.OBSERVATIONS);
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(readingsTable).consistentRead(true)
                    .key(key)).item();
            Map<String, AttributeValue> stored = item == null || item.isEmpty() ? null : item;
            NurseObservations now = News2Items.observationsOf(stored, admittedAt);
            // Each field keeps the newer of the stored and the given: a late entry does not undo a later one.
            boolean newerConsciousness = consciousness != null
                    && (now.consciousnessAt() == null || !time.isBefore(now.consciousnessAt()));
            boolean newerOxygen = oxygen != null && (now.oxygenAt() == null || !time.isBefore(now.oxygenAt()));
            NurseObservations next = new NurseObservations(
                    newerConsciousness ? consciousness : now.consciousness(),
                    newerConsciousness ? time : now.consciousnessAt(),
                    newerConsciousness ? by : now.consciousnessBy(),
                    newerOxygen ? oxygen : now.oxygen(), newerOxygen ? time : now.oxygenAt(),
                    newerOxygen ? by : now.oxygenBy());
            if (next.equals(now)) {
                return now;
            }
            long version = News2Items.version(stored);
            if (putVersioned(News2Items.observations(ward, bed, admittedAt, next, version + 1), version,
                    Optional.empty(), null, null)) {
                return next;
            }
        }
        throw new IllegalStateException("the observations of a bed kept changing under " + MAX_CONFLICT_RETRIES
                + " attempts");
    }

    private Map<String, Map<String, AttributeValue>> itemsBySortKey(List<Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(keys, null)) {
            items.put(item.get(SK).s(), item);
        }
        return items;
    }

    /** All the beds' keys in one list, read in batches of 100 (a 30-bed NEWS2 ward: four requests). */
    @Override
    public Map<String, BedSnapshot> beds(String ward, List<String> beds, Set<Metric> metrics, boolean news2) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String bed : beds) {
            keys.addAll(news2 ? news2BedKeys(ward, bed, metrics) : bedKeys(ward, bed, metrics));
        }
        Map<String, Map<String, Map<String, AttributeValue>>> byPartition = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(keys, null)) {
            byPartition.computeIfAbsent(item.get(PK).s(), pk -> new HashMap<>()).put(item.get(SK).s(), item);
        }
        Map<String, BedSnapshot> snapshots = new LinkedHashMap<>();
        for (String bed : beds) {
            snapshots.put(bed, bedSnapshot(ward, bed, byPartition.getOrDefault(Keys.bed(ward, bed), Map.of()), news2));
        }
        return snapshots;
    }

    @Override
    public BedSnapshot bed(String ward, String bed, Set<Metric> metrics) {
        return bedSnapshot(ward, bed, itemsBySortKey(bedKeys(ward, bed, metrics)), false);
    }

    @Override
    public BedParameter bedParameter(String ward, String bed, Metric metric) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(readingsTable).consistentRead(true)
                .key(key(Keys.bed(ward, bed), Keys.bedParameter(metric)))).item();
        return item == null || item.isEmpty() ? BedParameter.initial(ward, bed, metric) : BedItems.parameter(item);
    }

    @Override
    public boolean advanceBed(String thingName, Instant receivedAt, StateAdvance.OfBed advance) {
        return putVersioned(BedItems.item(advance.next(), advance.expected().version() + 1),
                advance.expected().version(), advance.alert(), thingName, receivedAt);
    }

    /**
     * Puts a state item whole, only if the stored one is still at {@code expected} (0: none stored yet), with the
     * alert's outbox item in {@code thingName}'s partition in the same transaction when there is one.
     *
     * @return false when another invocation changed the state first
     */
    private boolean putVersioned(Map<String, AttributeValue> item, long expected, Optional<OutgoingAlert> alert,
                                 String thingName, Instant receivedAt) {
        String condition = expected == 0 ? "attribute_not_exists(pk)" : "version = :expected";
        Map<String, AttributeValue> values = expected == 0 ? null : Map.of(":expected", n(expected));
        try {
            if (alert.isEmpty()) {
                dynamo.putItem(b -> b.tableName(readingsTable).item(item).conditionExpression(condition)
                        .expressionAttributeValues(values));
            } else {
                Put put = Put.builder().tableName(readingsTable).item(item).conditionExpression(condition)
                        .expressionAttributeValues(values).build();
                Map<String, AttributeValue> outbox = outboxItem(thingName, receivedAt, alert.get());
                dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(put).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(readingsTable).item(outbox)
                                .conditionExpression("attribute_not_exists(pk)").build()).build()));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (TransactionCanceledException e) {
            return lostTheRace(e);
        }
    }

    @Override
    public void recordPlace(String thingName, Place place) {
        if (place == null) {
            // Written, not deleted: the telemetry role writes items and deletes none (infra, ReadingsStore).
            dynamo.putItem(b -> b.tableName(readingsTable).item(Map.of(PK, s(Keys.device(thingName)),
                    SK, s(Keys.PLACE), "unassigned", AttributeValue.fromBool(true))));
            return;
        }
        dynamo.putItem(b -> b.tableName(readingsTable).item(Map.of(PK, s(Keys.device(thingName)), SK, s(Keys.PLACE),
                "ward", s(place.ward()), "bed", s(place.bed()))));
    }

    /**
     * The readings' {@code BatchWriteItem}, the quarantine's, and one conditional write per advance (an
     * {@code UpdateItem}, a {@code PutItem} for a condition, or a transaction when an outbox item or excursion
     * entry goes with it), all at once: they touch different items and none depends on another's outcome.
     */
    @Override
    public List<StateAdvance> storeMessage(Device device, Envelope envelope, DecodedMessage message,
                                           List<Reading> readings, List<QuarantineEntry> quarantined,
                                           List<StateAdvance> advances) {
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (StateAdvance advance : advances) {
            if (advance instanceof StateAdvance.OfBed b) {
                calls.add(() -> advanceBed(device.thingName(), envelope.receivedAt(), b));
            } else if (advance instanceof StateAdvance.OfMetric m) {
                calls.add(() -> advance(device, envelope, message, m.reading(), m.expected(), m.next(), m.alert(),
                        m.excursion()));
            } else {
                StateAdvance.OfCondition c = (StateAdvance.OfCondition) advance;
                calls.add(() -> advanceCondition(device.thingName(), c.condition(), c.expected(), c.next(), c.period(),
                        c.alert()));
            }
        }
        // A bed's reading is also its device's latest of the metric (what the silence check reads), written with
        // the readings; a device's own metrics keep theirs with their alert state.
        List<Reading> latestOfBed = advances.stream().filter(a -> a instanceof StateAdvance.OfBed)
                .map(a -> ((StateAdvance.OfBed) a).reading()).toList();
        if (!readings.isEmpty()) {
            calls.add(() -> {
                storeReadings(device, envelope, message, readings, latestOfBed);
                return true;
            });
        }
        if (!quarantined.isEmpty()) {
            calls.add(() -> {
                quarantine(quarantined);
                return true;
            });
        }
        List<Boolean> written = concurrently.all(calls);
        List<StateAdvance> lost = new ArrayList<>();
        for (int i = 0; i < advances.size(); i++) {
            if (!written.get(i)) {
                lost.add(advances.get(i));
            }
        }
        return lost;
    }

    private void storeReadings(Device device, Envelope envelope, DecodedMessage message, List<Reading> readings,
                               List<Reading> latestOfBed) {
        List<WriteRequest> writes = new ArrayList<>(readings.size() + latestOfBed.size());
        for (Reading reading : latestOfBed) {
            Map<String, AttributeValue> item = readingAttributes(device, envelope, message, reading);
            item.put(PK, s(Keys.device(device.thingName())));
            item.put(SK, s(Keys.latest(reading.metric())));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        for (Reading reading : readings) {
            Map<String, AttributeValue> item = readingAttributes(device, envelope, message, reading);
            item.put(PK, s(Keys.device(device.thingName())));
            item.put(SK, s(Keys.reading(message.deviceTime(), reading.metric(), message.messageId(), reading.index())));
            item.put("idx", n(reading.index()));
            if (device.bedKey() != null) {
                item.put(TableIndexes.BED_KEY, s(device.bedKey()));
            }
            if (device.patientRef() != null) {
                item.put(TableIndexes.PATIENT_REF, s(device.patientRef()));
            }
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        batchWrite(readingsTable, writes);
    }

    @Override
    public void quarantine(List<QuarantineEntry> entries) {
        List<WriteRequest> writes = new ArrayList<>(entries.size());
        for (QuarantineEntry entry : entries) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(QuarantineItems.item(entry, retention)).build()).build());
        }
        batchWrite(quarantineTable, writes);
    }

    @Override
    public LatestState latest(String thingName, Metric metric) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(readingsTable).consistentRead(true)
                .key(key(Keys.device(thingName), Keys.latest(metric))).projectionExpression(STATE_ATTRIBUTES)).item();
        return item == null || item.isEmpty() ? LatestState.NONE : latestState(item);
    }

    @Override
    public boolean advance(Device device, Envelope envelope, DecodedMessage message, Reading reading,
                           LatestState expected, LatestState nextState, Optional<OutgoingAlert> alert,
                           Optional<Excursion> excursion) {
        AlertState next = nextState.alert();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        Map<String, AttributeValue> attributes = readingAttributes(device, envelope, message, reading);
        attributes.put("severity", s(next.severity().name()));
        attributes.put("version", n(expected.version() + 1));
        List<String> removed = new ArrayList<>();
        if (next.alertId() != null) {
            attributes.put("alertId", s(next.alertId()));
            attributes.put("openedAt", s(next.openedAt().toString()));
        } else {
            removed.add("alertId");
            removed.add("openedAt");
        }
        Episode episode = nextState.episode();
        if (episode != null) {
            attributes.put("episodeStart", s(episode.start().toString()));
            attributes.put("episodeMin", n(episode.min()));
            attributes.put("episodeMax", n(episode.max()));
            if (episode.criticalSince() != null) {
                attributes.put("episodeCriticalSince", s(episode.criticalSince().toString()));
            } else {
                removed.add("episodeCriticalSince");
            }
        } else {
            removed.addAll(List.of("episodeStart", "episodeMin", "episodeMax", "episodeCriticalSince"));
        }
        Map<String, String> names = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
            if (i > 0) {
                set.append(", ");
            }
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, e.getValue());
            set.append("#a").append(i).append(" = :a").append(i);
            i++;
        }
        String expression = removed.isEmpty() ? set.toString() : set + " REMOVE " + String.join(", ", removed);
        String condition;
        if (expected.version() == 0) {
            condition = "attribute_not_exists(pk)";
        } else {
            condition = "version = :expected";
            values.put(":expected", n(expected.version()));
        }
        Map<String, AttributeValue> key = key(Keys.device(device.thingName()), Keys.latest(reading.metric()));
        try {
            if (alert.isEmpty() && excursion.isEmpty()) {
                dynamo.updateItem(UpdateItemRequest.builder().tableName(readingsTable).key(key)
                        .updateExpression(expression).conditionExpression(condition)
                        .expressionAttributeNames(names).expressionAttributeValues(values).build());
            } else {
                List<TransactWriteItem> writes = new ArrayList<>();
                writes.add(TransactWriteItem.builder().update(Update.builder().tableName(readingsTable).key(key)
                        .updateExpression(expression).conditionExpression(condition)
                        .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
                alert.ifPresent(a -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(readingsTable)
                        .item(outboxItem(device, envelope, a)).conditionExpression("attribute_not_exists(pk)").build())
                        .build()));
                excursion.ifPresent(e -> writes.add(TransactWriteItem.builder()
                        .update(ExcursionItems.update(readingsTable, device, e, coldChainRetention)).build()));
                dynamo.transactWriteItems(b -> b.transactItems(writes));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (TransactionCanceledException e) {
            return lostTheRace(e);
        }
    }

    /** False when a condition failed (another invocation got there first); any other cancellation is rethrown. */
    private static boolean lostTheRace(TransactionCanceledException e) {
        if (e.cancellationReasons().stream().map(CancellationReason::code)
                .anyMatch(code -> "ConditionalCheckFailed".equals(code))) {
            return false;
        }
        throw e;
    }

    private Map<String, AttributeValue> outboxItem(Device device, Envelope envelope, OutgoingAlert a) {
        return outboxItem(device.thingName(), envelope.receivedAt(), a);
    }

    private Map<String, AttributeValue> outboxItem(String thingName, Instant receivedAt, OutgoingAlert a) {
        return OutboxItems.pending(thingName, a, expiry(receivedAt));
    }

    private Map<String, AttributeValue> readingAttributes(Device device, Envelope envelope, DecodedMessage message,
                                                          Reading reading) {
        return ReadingItems.attributes(device, envelope, message, reading,
                envelope.receivedAt().plus(retention(reading.metric())).getEpochSecond());
    }

    @Override
    public LatestState condition(String thingName, DeviceCondition condition) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(readingsTable).consistentRead(true)
                .key(key(Keys.device(thingName), Keys.condition(condition)))).item();
        return item == null || item.isEmpty() ? LatestState.NONE : conditionState(item);
    }

    @Override
    public boolean advanceCondition(String thingName, DeviceCondition condition, LatestState expected, AlertState next,
                                    Episode period, Optional<OutgoingAlert> alert) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(Keys.device(thingName)));
        item.put(SK, s(Keys.condition(condition)));
        item.put("condition", s(condition.code()));
        item.put("severity", s(next.severity().name()));
        item.put("version", n(expected.version() + 1));
        putIfPresent(item, "alertId", next.alertId());
        if (next.openedAt() != null) {
            item.put("openedAt", s(next.openedAt().toString()));
        }
        if (next.lastEvaluated() != null) {
            item.put("lastEvaluated", s(next.lastEvaluated().toString()));
        }
        if (period != null) {
            item.put("episodeStart", s(period.start().toString()));
        }
        if (condition == DeviceCondition.SILENCE && alert.isPresent()) {
            item.put("unsentAlert", s(alert.get().key()));
        }
        return putVersioned(item, expected.version(), alert, thingName, Instant.now());
    }

    @Override
    public Map<String, Instant> lastSeen(Collection<Device> devices) {
        Map<String, String> thingByPartition = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Device device : devices) {
            String partition = Keys.device(device.thingName());
            thingByPartition.put(partition, device.thingName());
            for (Metric metric : Metric.values()) {
                if (device.kind().allows(metric)) {
                    keys.add(key(partition, Keys.latest(metric)));
                }
            }
        }
        Map<String, Instant> seen = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(keys, PK + ", receivedAt")) {
            AttributeValue received = item.get("receivedAt");
            String thing = thingByPartition.get(item.get(PK).s());
            if (received != null && thing != null) {
                seen.merge(thing, Instant.parse(received.s()), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return seen;
    }

    @Override
    public List<OutgoingAlert> pendingAlerts(String thingName, String messageId) {
        List<OutgoingAlert> pending = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(Keys.device(thingName)));
        values.put(":prefix", s(Keys.outboxPrefix(messageId)));
        values.put(":pending", s("PENDING"));
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(QueryRequest.builder()
                .tableName(readingsTable).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .filterExpression("#status = :pending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values).build()).items()) {
            pending.add(OutboxItems.alert(thingName, item));
        }
        return pending;
    }

    @Override
    public Optional<OutgoingAlert> unsentAlert(String thingName, String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(readingsTable).consistentRead(true)
                .key(key(Keys.device(thingName), key))).item();
        if (item == null || !item.containsKey("status") || !"PENDING".equals(item.get("status").s())) {
            return Optional.empty();
        }
        return Optional.of(OutboxItems.alert(thingName, item));
    }

    @Override
    public void forgetUnsent(String thingName, DeviceCondition condition, String key) {
        try {
            dynamo.updateItem(b -> b.tableName(readingsTable)
                    .key(key(Keys.device(thingName), Keys.condition(condition)))
                    .updateExpression("REMOVE unsentAlert").conditionExpression("unsentAlert = :key")
                    .expressionAttributeValues(Map.of(":key", s(key))));
        } catch (ConditionalCheckFailedException e) {
            // a newer advance names its own alert now, or another check cleared it first
        }
    }

    @Override
    public void markSent(OutgoingAlert alert, String channelMessageId) {
        dynamo.updateItem(b -> b.tableName(readingsTable)
                .key(key(Keys.device(alert.thingName()), alert.key()))
                .updateExpression("SET #status = :sent, sentAt = :now, channelMessageId = :id")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":sent", s("SENT"), ":now", s(Instant.now().toString()),
                        ":id", s(channelMessageId))));
    }

    /**
     * The processed marker, with a {@code PutItem}; when alerts were sent, one {@code BatchWriteItem} writes it and
     * rewrites each sent outbox item whole as {@code SENT}. Those writes are not atomic together: a crash between
     * them can leave a sent item {@code PENDING} under a processed marker, which nothing reads again (a redelivery
     * stops at the marker); the other way round, the retry publishes nothing, finding nothing pending, and writes
     * the marker.
     */
    @Override
    public void markProcessed(String thingName, String messageId, TelemetryResult result, List<SentAlert> sent) {
        Instant now = Instant.now();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(Keys.device(thingName)));
        item.put(SK, s(Keys.message(messageId)));
        item.put("outcome", s(result.outcome().name()));
        item.put("readingsStored", n(result.readingsStored()));
        item.put("readingsLate", n(result.readingsLate()));
        item.put("readingsRejected", n(result.readingsRejected()));
        item.put("notifications", n(result.notifications()));
        item.put("processedAt", s(now.toString()));
        item.put("expiresAt", n(expiry(now)));
        if (sent.isEmpty()) {
            dynamo.putItem(b -> b.tableName(readingsTable).item(item));
            return;
        }
        List<WriteRequest> writes = new ArrayList<>();
        writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        for (SentAlert alert : sent) {
            Map<String, AttributeValue> outbox = outboxItem(thingName, now, alert.alert());
            outbox.put("status", s("SENT"));
            outbox.put("sentAt", s(now.toString()));
            outbox.put("channelMessageId", s(alert.channelMessageId()));
            writes.add(WriteRequest.builder().putRequest(p -> p.item(outbox)).build());
        }
        batchWrite(readingsTable, writes);
    }

    /** How long a reading of this metric is kept: its retention class, with the tenant's durations. */
    private Duration retention(Metric metric) {
        return switch (metric.retention()) {
            case READINGS -> retention;
            case COLD_CHAIN -> coldChainRetention;
        };
    }

    private void batchWrite(String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += WRITE_BATCH_LIMIT) {
            unprocessed.sendAll(Map.of(table, writes.subList(from, Math.min(writes.size(), from + WRITE_BATCH_LIMIT))),
                    request -> {
                        BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                        return response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                    }, Map::isEmpty, "a batch write to " + table);
        }
    }

    /**
     * The items of the readings table at {@code keys} that exist, read consistently, with {@code attributes} (a
     * comma-separated list of names). The keys left unprocessed are asked for again in a request like the first:
     * DynamoDB returns them with the request's projection, moto without it.
     */
    List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys, String attributes) {
        Map<String, String> names = new LinkedHashMap<>();
        if (attributes != null) {
            for (String attribute : attributes.split(",\\s*")) {
                names.put("#" + attribute, attribute);
            }
        }
        String projection = attributes == null ? null : String.join(", ", names.keySet());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += GET_BATCH_LIMIT) {
            unprocessed.sendAll(keys.subList(from, Math.min(keys.size(), from + GET_BATCH_LIMIT)), pending -> {
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of(readingsTable,
                        KeysAndAttributes.builder().keys(pending).consistentRead(true)
                                .projectionExpression(projection)
                                .expressionAttributeNames(names.isEmpty() ? null : names).build())));
                items.addAll(response.responses().getOrDefault(readingsTable, List.of()));
                KeysAndAttributes left = response.hasUnprocessedKeys()
                        ? response.unprocessedKeys().get(readingsTable) : null;
                return left == null ? List.of() : left.keys();
            }, List::isEmpty, "a batch read of " + readingsTable);
        }
        return items;
    }

    private long expiry(Instant from) {
        return from.plus(retention).getEpochSecond();
    }

}
