package org.wardwatch.functions.lambda;

import org.wardwatch.model.staff.StaffId;
import org.wardwatch.model.tenant.Handler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The {@code acknowledge-excursion} handler: records who acknowledged a cold-chain excursion and when, in the
 * excursion log, as CDC asks ("actions taken") and auditors ask ("acknowledged by whom"). Request:
 * {@code {"device": "pharmacy-fridge-2", "start": "2026-11-24T09:00:00Z", "by": "pharmacist-0042",
 * "note": "stock labelled Do Not Use, manufacturer called"}}. {@code by} is a staff identifier, never a patient's.
 * An excursion is acknowledged once, open or ended; a second acknowledgement is refused, naming the first.
 */
@Named(Handler.Names.ACKNOWLEDGE_EXCURSION)
public class AcknowledgeExcursionHandler
        implements RequestHandler<AcknowledgeExcursionHandler.Request, Map<String, String>> {


    /** What to acknowledge. */
    @RegisterForReflection
    public static class Request {
        public String device;
        public String start;
        public String by;
        public String note;
    }

    /** The request is not a valid acknowledgement; the message says which field. */
    public static class InvalidAcknowledgementException extends RuntimeException {
        public InvalidAcknowledgementException(String message) {
            super(message);
        }
    }

    /** No excursion of that device and start in this tenant. */
    public static class NoSuchExcursionException extends RuntimeException {
        public NoSuchExcursionException(String message) {
            super(message);
        }
    }

    /** The excursion was acknowledged already; the first acknowledgement stands. */
    public static class ExcursionAlreadyAcknowledgedException extends RuntimeException {
        public ExcursionAlreadyAcknowledgedException(String message) {
            super(message);
        }
    }

    @Inject
    DynamoDbClient dynamo;

    @Inject
    WardwatchConfig config;

    @Inject
    Clock clock;

    @Override
    public Map<String, String> handleRequest(Request request, Context context) {
        if (request == null || request.device == null || request.start == null || request.by == null) {
            throw new InvalidAcknowledgementException("device, start and by are required");
        }
        if (!StaffId.valid(request.by)) {
            throw new InvalidAcknowledgementException("by must be " + StaffId.RULE);
        }
        if (request.note != null && request.note.length() > 500) {
            throw new InvalidAcknowledgementException("note is at most 500 characters");
        }
        Instant start;
        try {
            start = Instant.parse(request.start);
        } catch (DateTimeParseException e) {
            throw new InvalidAcknowledgementException("start must be the excursion's start, e.g. 2026-11-24T09:00:00Z");
        }
        String at = clock.instant().toString();
        String sk = "X#" + org.wardwatch.functions.aws.ExcursionKeys.of(start);
        try {
            dynamo.updateItem(b -> b.tableName(config.readingsTable())
                    .key(Map.of("pk", AttributeValue.fromS("D#" + request.device), "sk", AttributeValue.fromS(sk)))
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(acknowledgedBy) AND tenantId = :t")
                    .updateExpression(request.note == null
                            ? "SET acknowledgedBy = :by, acknowledgedAt = :at"
                            : "SET acknowledgedBy = :by, acknowledgedAt = :at, actionsTaken = :note")
                    .expressionAttributeValues(request.note == null
                            ? Map.of(":by", AttributeValue.fromS(request.by), ":at", AttributeValue.fromS(at),
                            ":t", AttributeValue.fromS(config.tenantId()))
                            : Map.of(":by", AttributeValue.fromS(request.by), ":at", AttributeValue.fromS(at),
                            ":t", AttributeValue.fromS(config.tenantId()), ":note", AttributeValue.fromS(request.note)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw refusal(request, e.hasItem() ? e.item() : Map.of());
        }
        return Map.of("device", request.device, "start", start.toString(), "acknowledgedBy", request.by,
                "acknowledgedAt", at);
    }

    /** Why the acknowledgement was refused, from the item as it stood (empty when there is none). */
    private RuntimeException refusal(Request request, Map<String, AttributeValue> item) {
        AttributeValue tenant = item.get("tenantId");
        AttributeValue by = item.get("acknowledgedBy");
        if (tenant != null && config.tenantId().equals(tenant.s()) && by != null) {
            AttributeValue when = item.get("acknowledgedAt");
            return new ExcursionAlreadyAcknowledgedException("the excursion of " + request.device + " started at "
                    + request.start + " was already acknowledged by " + by.s()
                    + (when == null ? "" : " at " + when.s()));
        }
        return new NoSuchExcursionException("no excursion of " + request.device + " started at " + request.start
                + " in this tenant");
    }
}
