package org.wardwatch.functions.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.Rejection;
import org.wardwatch.functions.core.RejectionReason;
import org.wardwatch.functions.service.TelemetryResult;
import org.wardwatch.functions.service.TelemetryService;

/**
 * Turns one rule event into a processed message, for the telemetry handler and for redriven dead letters alike:
 * an event the rule could not have built (a field missing, a payload that is not base64) is quarantined as
 * {@code INVALID_EVENT}; every outcome is counted.
 */
@ApplicationScoped
public class TelemetryIngest {

    @Inject
    TelemetryService service;

    @Inject
    TelemetryMetrics metrics;

    public TelemetryResult ingest(TelemetryEvent event) {
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
