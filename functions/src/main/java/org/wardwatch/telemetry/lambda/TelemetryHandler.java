package org.wardwatch.telemetry.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.wardwatch.telemetry.core.Envelope;
import org.wardwatch.telemetry.core.Rejection;
import org.wardwatch.telemetry.core.RejectionReason;
import org.wardwatch.telemetry.service.TelemetryResult;
import org.wardwatch.telemetry.service.TelemetryService;

/**
 * Entry point of the {@code telemetry} handler. Exceptions (an unavailable table, a throttled topic) propagate:
 * Lambda retries the asynchronous invocation twice, then sends the event to the on-failure destination.
 */
@Named("telemetry")
public class TelemetryHandler implements RequestHandler<TelemetryEvent, TelemetryResult> {

    @Inject
    TelemetryService service;

    @Inject
    TelemetryMetrics metrics;

    @Override
    public TelemetryResult handleRequest(TelemetryEvent event, Context context) {
        TelemetryResult result;
        Envelope envelope = new Envelope(event.tenantId, event.thingName, event.clientId,
                event.receivedAt == null ? Instant.now() : Instant.ofEpochMilli(event.receivedAt));
        byte[] payload = decodeBase64(event.payload);
        String missing = event.payload == null ? "payload" : event.tenantId == null ? "tenantId"
                : event.thingName == null ? "thingName" : event.clientId == null ? "clientId"
                : event.receivedAt == null ? "receivedAt" : null;
        if (missing != null || payload == null) {
            String detail = missing != null ? "the rule's event lacks " + missing : "the event's payload is not base64";
            byte[] original = payload != null ? payload
                    : event.payload == null ? new byte[0] : event.payload.getBytes(StandardCharsets.UTF_8);
            result = service.quarantine(envelope, original, Rejection.ofMessage(RejectionReason.INVALID_EVENT, detail));
        } else {
            result = service.process(envelope, payload);
        }
        metrics.record(event.tenantId, result);
        return result;
    }

    private static byte[] decodeBase64(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
