package org.wardwatch.functions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.service.AcknowledgementRefusedException;
import org.wardwatch.functions.service.AcknowledgementService;
import org.wardwatch.model.tenant.Handler;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The {@code acknowledge} handler, invoked by an operator, the staff's tooling and the local stack's replay
 * (functions/README.md, "Acknowledgement and escalation"): a member of staff takes an alert, by its place
 * ({@code {"ward": "ICU-3", "bed": "12", "type": "THRESHOLD", "metric": "spo2", "by": "nurse-0017"}}) or its id
 * ({@code {"alertId": "7KQ2M9X", "by": "nurse-0017"}}), with an optional {@code note} and {@code time} (absent:
 * now), through {@link AcknowledgementService}. Answers {@code {"alertId", "acknowledgedBy", "acknowledgedAt",
 * "notified"}}, or {@code {"error": CODE, "message": one line}}: {@code INVALID_REQUEST}, a refusal's reason
 * ({@code NO_OPEN_ALERT}, {@code AMBIGUOUS}, {@code NO_SUCH_ALERT}, {@code ALREADY_ACKNOWLEDGED},
 * {@code ALERT_CLOSED}), {@code STORE_UNAVAILABLE} or {@code INTERNAL_ERROR}; never a stack trace. Nothing of a
 * request is logged.
 */
@Named(Handler.Names.ACKNOWLEDGE)
public class AcknowledgeHandler implements RequestHandler<JsonNode, JsonNode> {

    private static final Logger LOG = Logger.getLogger(AcknowledgeHandler.class);

    @Inject
    AcknowledgementService service;

    @Inject
    Clock clock;

    @Override
    public JsonNode handleRequest(JsonNode request, Context context) {
        try {
            AcknowledgeRequest r = AcknowledgeRequest.read(request, clock.instant());
            AcknowledgementService.Acknowledged done = r.alertId() != null
                    ? service.acknowledge(r.alertId(), r.by(), r.time(), r.note())
                    : service.acknowledge(r.target(), r.by(), r.time(), r.note());
            AlertRecord record = done.record();
            return JsonNodeFactory.instance.objectNode().put("alertId", record.alertId())
                    .put("acknowledgedBy", record.acknowledgedBy())
                    .put("acknowledgedAt", record.acknowledgedAt().toString())
                    .put("notified", done.notified());
        } catch (RequestFields.InvalidRequestException e) {
            return Answers.error("INVALID_REQUEST", e.getMessage());
        } catch (AcknowledgementRefusedException e) {
            return Answers.error(e.reason().name(), e.getMessage());
        } catch (SdkException e) {
            LOG.warnf("acknowledge: the store failed: %s", e.getClass().getName());
            return Answers.error("STORE_UNAVAILABLE", "the alert records did not answer (" + e.getClass().getSimpleName()
                    + "); try again: an acknowledgement is written whole or not at all");
        } catch (IllegalArgumentException e) {
            // the service's own checks of who and the note (one line, no values of the request)
            return Answers.error("INVALID_REQUEST", e.getMessage());
        } catch (RuntimeException e) {
            // a fault of ours; the exception's message might carry request values, so only its class is logged
            LOG.errorf("acknowledge: the request failed: %s", e.getClass().getName());
            return Answers.error("INTERNAL_ERROR", "the acknowledgement could not be carried out ("
                    + e.getClass().getSimpleName() + "); the operations team can find it in the function's log");
        }
    }
}
