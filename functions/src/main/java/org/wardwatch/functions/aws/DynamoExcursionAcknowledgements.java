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
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * A COLD_CHAIN alert's acknowledgement in the excursion log (functions/README.md, "Temperature logs"): the device's
 * latest excursion item {@code D#<thing>} / {@code X#<start>} that started at or before the acknowledgement gets
 * {@code acknowledgedBy}, {@code acknowledgedAt} and the note as {@code actionsTaken}, the columns the temperature
 * log reads; one Query and one conditional UpdateItem, which changes nothing when the excursion was acknowledged
 * already or is another tenant's. {@link #acknowledge} is the staff API's acknowledgement of an excursion itself.
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

    /** What {@link #acknowledge} did. */
    public enum Outcome { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, NO_SUCH_EXCURSION }

    /**
     * The answer of {@link #acknowledge}: for {@link Outcome#ALREADY_ACKNOWLEDGED} who acknowledged it first and
     * when (as stored).
     */
    public record Acknowledgement(Outcome outcome, String acknowledgedBy, String acknowledgedAt) {
    }

    /**
     * Acknowledges the excursion of {@code thingName} that started at {@code start} (the staff API's
     * {@code POST /storage/{device}/excursions/{start}/ack}): one UpdateItem conditioned on the item existing, being
     * this tenant's and not acknowledged yet; a refused update returns the item as it stood (no extra read), which tells a second
     * acknowledgement (who, when) from no such excursion (absent, or another tenant's).
     */
    public Acknowledgement acknowledge(String thingName, Instant start, String by, Instant at, String note) {
        Map<String, AttributeValue> values = values(by, at, note);
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of(PK, s(Keys.device(thingName)), SK, s(Keys.excursion(start))))
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(acknowledgedBy) AND tenantId = :t")
                    .updateExpression(note == null ? "SET acknowledgedBy = :by, acknowledgedAt = :at"
                            : "SET acknowledgedBy = :by, acknowledgedAt = :at, actionsTaken = :note")
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Acknowledgement(Outcome.ACKNOWLEDGED, by, at.toString());
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = e.hasItem() ? e.item() : Map.of();
            AttributeValue tenant = item.get("tenantId");
            AttributeValue first = item.get("acknowledgedBy");
            if (tenant != null && tenantId.equals(tenant.s()) && first != null) {
                AttributeValue when = item.get("acknowledgedAt");
                return new Acknowledgement(Outcome.ALREADY_ACKNOWLEDGED, first.s(), when == null ? null : when.s());
            }
            return new Acknowledgement(Outcome.NO_SUCH_EXCURSION, null, null);
        }
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
        Map<String, AttributeValue> values = values(by, at, note);
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

    /** The values of an acknowledgement's update: who, when, the tenant it must be, the actions taken if any. */
    private Map<String, AttributeValue> values(String by, Instant at, String note) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":by", s(by));
        values.put(":at", s(at.toString()));
        values.put(":t", s(tenantId));
        if (note != null) {
            values.put(":note", s(note));
        }
        return values;
    }
}
