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
import org.wardwatch.functions.aws.DynamoExcursionAcknowledgements;

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
        DynamoExcursionAcknowledgements.Acknowledgement done = new DynamoExcursionAcknowledgements(dynamo,
                config.readingsTable(), config.tenantId()).acknowledge(request.device, start, request.by,
                clock.instant(), request.note);
        return switch (done.outcome()) {
            case ACKNOWLEDGED -> Map.of("device", request.device, "start", start.toString(), "acknowledgedBy",
                    request.by, "acknowledgedAt", done.acknowledgedAt());
            case ALREADY_ACKNOWLEDGED -> throw new ExcursionAlreadyAcknowledgedException("the excursion of "
                    + request.device + " started at " + request.start + " was already acknowledged by "
                    + done.acknowledgedBy() + (done.acknowledgedAt() == null ? "" : " at " + done.acknowledgedAt()));
            case NO_SUCH_EXCURSION -> throw new NoSuchExcursionException("no excursion of " + request.device
                    + " started at " + request.start + " in this tenant");
        };
    }
}
