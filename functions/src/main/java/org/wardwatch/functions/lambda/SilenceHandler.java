package org.wardwatch.functions.lambda;

import org.wardwatch.model.tenant.Handler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Map;
import org.wardwatch.functions.service.SilenceService;

/** The {@code silence} handler, run by a schedule: flags devices that stopped reporting (the event is ignored). */
@Named(Handler.Names.SILENCE)
public class SilenceHandler implements RequestHandler<Map<String, Object>, SilenceService.Check> {

    @Inject
    SilenceService service;

    @Inject
    Clock clock;

    @Override
    public SilenceService.Check handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return service.check(clock.instant());
    }
}
