package org.wardwatch.functions.lambda;

import org.wardwatch.model.tenant.Handler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Map;
import org.jboss.logging.Logger;
import org.wardwatch.functions.service.SilenceService;

/**
 * The {@code silence} handler, run by a schedule: flags devices that stopped reporting, at the scheduled event's
 * {@code time} ({@link ScheduledTime}). Answers the check's counts {@code {"devices", "silent", "opened",
 * "resolved"}}, or {@code {"error": "INVALID_REQUEST", "message": one line}} for an event whose time it refuses.
 */
@Named(Handler.Names.SILENCE)
public class SilenceHandler implements RequestHandler<Map<String, Object>, JsonNode> {

    private static final Logger LOG = Logger.getLogger(SilenceHandler.class);

    @Inject
    SilenceService service;

    @Inject
    Clock clock;

    @Override
    public JsonNode handleRequest(Map<String, Object> scheduledEvent, Context context) {
        SilenceService.Check check;
        try {
            check = service.check(ScheduledTime.of(scheduledEvent, clock.instant()));
        } catch (ScheduledTime.InvalidEventException e) {
            LOG.warnf("silence: event refused: %s", e.getMessage());
            return Answers.error("INVALID_REQUEST", e.getMessage());
        }
        return JsonNodeFactory.instance.objectNode().put("devices", check.devices()).put("silent", check.silent())
                .put("opened", check.opened()).put("resolved", check.resolved());
    }
}
