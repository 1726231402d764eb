package org.wardwatch.functions.lambda;

import org.wardwatch.model.tenant.Handler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wardwatch.functions.service.TelemetryResult;

/**
 * Entry point of the {@code telemetry} handler. Exceptions (an unavailable table, a throttled topic) propagate:
 * Lambda retries the asynchronous invocation twice, then sends the event to the on-failure destination, from which
 * the {@code redrive} handler replays it once the fault is fixed.
 */
@Named(Handler.Names.TELEMETRY)
public class TelemetryHandler implements RequestHandler<TelemetryEvent, TelemetryResult> {

    @Inject
    TelemetryIngest ingest;

    @Override
    public TelemetryResult handleRequest(TelemetryEvent event, Context context) {
        return ingest.ingest(event);
    }
}
