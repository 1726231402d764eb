package org.wardwatch.functions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Map;
import org.jboss.logging.Logger;
import org.wardwatch.functions.service.EscalationService;
import org.wardwatch.model.tenant.Handler;

/**
 * The {@code escalation} handler, run by a schedule every minute (functions/README.md, "Acknowledgement and
 * escalation"): sends the reminders and escalations due at the scheduled event's {@code time}
 * ({@link ScheduledTime}) and any notification still pending, through {@link EscalationService}. Answers the
 * check's counts {@code {"records", "sent", "failed"}}, or {@code {"error": "INVALID_REQUEST", "message": one
 * line}} for an event whose time it refuses. A store that fails fails the invocation (the stack alarms on the
 * function's errors; the next check, a minute later, does what this one did not).
 */
@Named(Handler.Names.ESCALATION)
public class EscalationHandler implements RequestHandler<Map<String, Object>, JsonNode> {

    private static final Logger LOG = Logger.getLogger(EscalationHandler.class);

    @Inject
    EscalationService service;

    @Inject
    Clock clock;

    @Override
    public JsonNode handleRequest(Map<String, Object> scheduledEvent, Context context) {
        EscalationService.Check check;
        try {
            check = service.check(ScheduledTime.of(scheduledEvent, clock.instant()));
        } catch (ScheduledTime.InvalidEventException e) {
            LOG.warnf("escalation: event refused: %s", e.getMessage());
            return Answers.error("INVALID_REQUEST", e.getMessage());
        }
        if (check.failed() > 0) {
            LOG.warnf("escalation: %d of %d notifications not published; they stay pending for the next check",
                    check.failed(), check.sent() + check.failed());
        }
        return JsonNodeFactory.instance.objectNode().put("records", check.records()).put("sent", check.sent())
                .put("failed", check.failed());
    }
}
