package org.wardwatch.staffapi;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wardwatch.model.tenant.SortableTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tenant's append-only audit table: one item per write, never updated or deleted. Partition {@code pk}
 * {@code AU#<yyyy-mm-dd>} (the UTC day), sort {@code sk} {@code <ISO instant>#<random id>}; who
 * ({@code cognito:username}), role(s), action, target, ward, before and after (JSON text, no patient names), the
 * request's id. Put conditioned on {@code attribute_not_exists(pk)}, so nothing is ever overwritten.
 */
class AuditLog {

    /** One write. */
    record Entry(Instant at, String who, String roles, String action, String target, String ward, String before,
                 String after, String requestId) {

        /** A staff member's write: who and their roles from the caller, the request's id as API Gateway gave it. */
        static Entry of(Caller caller, String requestId, Instant at, AuditAction action, String target, String ward,
                        String before, String after) {
            return new Entry(at, caller.username(), caller.groups(), action.name(), target, ward, before, after,
                    requestId);
        }
    }

    private static final char[] ID = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String table;

    AuditLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    void append(Entry e) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s("AU#" + e.at().atOffset(ZoneOffset.UTC).toLocalDate()));
        item.put("sk", s(time(e.at()) + "#" + randomId()));
        item.put("at", s(time(e.at())));
        item.put("who", s(e.who()));
        item.put("roles", s(e.roles()));
        item.put("action", s(e.action()));
        item.put("target", s(e.target()));
        if (e.ward() != null) {
            item.put("ward", s(e.ward()));
        }
        item.put("before", s(e.before()));
        item.put("after", s(e.after()));
        if (e.requestId() != null) {
            item.put("requestId", s(e.requestId()));
        }
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /** An instant as the model's sortable time ({@code 2026-11-20T10:00:00.000Z}): sort keys order as times do. */
    static String time(Instant at) {
        return SortableTime.format(at);
    }

    private static String randomId() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID[RANDOM.nextInt(ID.length)];
        }
        return new String(id);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
