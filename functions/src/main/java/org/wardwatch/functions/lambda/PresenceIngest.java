package org.wardwatch.functions.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.wardwatch.functions.service.PresenceResult;
import org.wardwatch.functions.service.PresenceService;

/** Processes one lifecycle event, for the presence handler and for redriven dead letters alike, and counts it. */
@ApplicationScoped
public class PresenceIngest {

    @Inject
    PresenceService service;

    @Inject
    PresenceMetrics metrics;

    @Inject
    WardwatchConfig config;

    /** @param topic the topic the event was published on, when the dead letter names it, else null */
    public PresenceResult ingest(byte[] event, String topic) {
        PresenceResult result = service.process(event, topic);
        metrics.record(config.tenantId(), result);
        return result;
    }
}
