package org.wardwatch.staffapi;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.wardwatch.functions.aws.DynamoAlertRecordStore;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.model.alert.Severity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Alert records written into the emulator's readings table as the functions write them (the functions' store). */
final class Alerts {

    static final Instant OPENED = Instant.parse("2026-11-20T10:00:00Z");
    private static final char[] ID = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo = StaffEmulator.dynamo();
    private final DynamoAlertRecordStore store = new DynamoAlertRecordStore(dynamo, StaffEmulator.READINGS);

    /** A new open alert's id. */
    String open(String type, String ward, String place, String subject) {
        return open(type, ward, place, subject, Severity.CRITICAL);
    }

    /** A new open alert of {@code severity}'s id. */
    String open(String type, String ward, String place, String subject, Severity severity) {
        String id = newId();
        AlertRecord r = new AlertRecord(id, type, ward, place, subject, severity, OPENED, OPENED, 0, 1,
                null, null, null, null, List.of(new AlertRecord.TimelineEntry("OPENED", OPENED, severity,
                1, null, null)));
        if (!store.write(null, r)) {
            throw new IllegalStateException("alert " + id + " exists");
        }
        return id;
    }

    String openBedAlert(String ward) {
        return open("THRESHOLD", ward, "bed 12", "spo2");
    }

    /** A closed alert's id. */
    String closed(String ward) {
        String id = newId();
        Instant resolved = OPENED.plusSeconds(120);
        AlertRecord r = new AlertRecord(id, "THRESHOLD", ward, "bed 7", "heart_rate", Severity.NONE, OPENED, OPENED,
                0, 1, null, null, null, resolved, List.of(
                new AlertRecord.TimelineEntry("OPENED", OPENED, Severity.WARNING, 1, null, null),
                new AlertRecord.TimelineEntry("RESOLVED", resolved, Severity.NONE, 1, null, null)));
        store.write(null, r);
        return id;
    }

    /** A closed alert of {@code type} and {@code severity} (before it resolved) opened at {@code opened}: its id. */
    String closed(String ward, String type, Severity severity, Instant opened) {
        String id = newId();
        Instant resolved = opened.plusSeconds(120);
        AlertRecord r = new AlertRecord(id, type, ward, "bed 7", "heart_rate", Severity.NONE, opened, opened,
                0, 1, null, null, null, resolved, List.of(
                new AlertRecord.TimelineEntry("OPENED", opened, severity, 1, null, null),
                new AlertRecord.TimelineEntry("RESOLVED", resolved, Severity.NONE, 1, null, null)));
        store.write(null, r);
        return id;
    }

    /** An open alert of {@code type} and {@code severity} opened at {@code opened}: its id. */
    String open(String type, String ward, Severity severity, Instant opened) {
        String id = newId();
        AlertRecord r = new AlertRecord(id, type, ward, "bed 8", "spo2", severity, opened, opened, 0, 1,
                null, null, null, null, List.of(new AlertRecord.TimelineEntry("OPENED", opened, severity,
                1, null, null)));
        store.write(null, r);
        return id;
    }

    /** The audit items about {@code target}. */
    List<Map<String, AttributeValue>> auditOf(String target) {
        return dynamo.scan(b -> b.tableName(StaffEmulator.AUDIT).filterExpression("target = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(target)))).items();
    }

    private static String newId() {
        char[] id = new char[7];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID[RANDOM.nextInt(ID.length)];
        }
        return new String(id);
    }
}
