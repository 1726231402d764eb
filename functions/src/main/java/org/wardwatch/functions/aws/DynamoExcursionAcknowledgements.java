package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.s;
import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.Keys.SK;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.functions.service.ExcursionAcknowledgements;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A COLD_CHAIN alert's acknowledgement in the excursion log (functions/README.md, "Temperature logs"): the device's
 * latest excursion item {@code D#<thing>} / {@code X#<start>} that started at or before the acknowledgement gets
 * {@code acknowledgedBy}, {@code acknowledgedAt} and the note as {@code actionsTaken}, the columns the
 * {@code acknowledge-excursion} handler writes and the temperature log reads; one Query and one conditional
 * UpdateItem, which changes nothing when the excursion was acknowledged already or is another tenant's.
 */
public final class DynamoExcursionAcknowledgements implements ExcursionAcknowledgements {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String tenantId;

    public DynamoExcursionAcknowledgements(DynamoDbClient dynamo, String readingsTable, String tenantId) {
        this.dynamo = dynamo;
        this.table = readingsTable;
        this.tenantId = tenantId;
    }

    @Override
    public void acknowledged(String thingName, String by, Instant at, String note) {
        String pk = Keys.device(thingName);
        List<Map<String, AttributeValue>> latest = dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression(PK + " = :pk AND " + SK + " BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":from", s("X#"), ":to", s(Keys.excursion(at))))
                .projectionExpression(SK).scanIndexForward(false).limit(1)).items();
        if (latest.isEmpty()) {
            return;
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":by", s(by));
        values.put(":at", s(at.toString()));
        values.put(":t", s(tenantId));
        if (note != null) {
            values.put(":note", s(note));
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of(PK, s(pk), SK, latest.get(0).get(SK)))
                    .conditionExpression("attribute_not_exists(acknowledgedBy) AND tenantId = :t")
                    .updateExpression(note == null ? "SET acknowledgedBy = :by, acknowledgedAt = :at"
                            : "SET acknowledgedBy = :by, acknowledgedAt = :at, actionsTaken = :note")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException acknowledgedAlready) {
            // the first acknowledgement stands
        }
    }
}
