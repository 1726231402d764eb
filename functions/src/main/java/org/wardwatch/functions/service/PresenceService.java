package org.wardwatch.functions.service;

import java.time.Clock;
import java.time.Instant;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.Presence;
import org.wardwatch.functions.core.PresenceConnectFailure;
import org.wardwatch.functions.core.PresenceDecoder;
import org.wardwatch.functions.core.PresenceDecoding;
import org.wardwatch.functions.core.PresenceEvent;
import org.wardwatch.functions.core.Rejection;
import org.wardwatch.functions.core.RejectionReason;

/**
 * Records one IoT Core lifecycle event of a device: decode, check that the client id is a device of this tenant,
 * keep the event in the device's history, and advance its presence when the event is newer than the recorded one
 * ({@link Presence}). Whatever it rejects is quarantined with its reason. Safe to run again on the same event: the
 * history keeps it once, and applying an event twice changes nothing.
 *
 * <p>A device's presence is recorded whatever its registry status: the last disconnect of a revoked device is what
 * one wants to see. So are its refused connects ({@code connect_failed}, each retry of a revoked device): kept in its
 * history and answered {@link PresenceResult.Outcome#CONNECT_FAILED}, without touching its presence, since a refused
 * connect says nothing of a connection the device may have elsewhere.
 */
public final class PresenceService {

    private static final int MAX_CONFLICT_RETRIES = 8;

    private final String tenantId;
    private final PresenceDecoder decoder;
    private final DeviceRegistry registry;
    private final PresenceStore store;
    private final Clock clock;

    public PresenceService(String tenantId, PresenceDecoder decoder, DeviceRegistry registry, PresenceStore store,
                           Clock clock) {
        this.tenantId = tenantId;
        this.decoder = decoder;
        this.registry = registry;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param topic the topic the event was published on, when known (a topic rule's dead letter), else null
     */
    public PresenceResult process(byte[] payload, String topic) {
        PresenceDecoding decoding = decoder.decode(payload, topic);
        if (decoding instanceof PresenceDecoding.Rejected rejected) {
            return quarantine(payload, rejected.clientId(), rejected.timestamp(), rejected.rejection());
        }
        if (decoding instanceof PresenceDecoding.FailedConnect failed) {
            return connectFailed(payload, failed.failure());
        }
        PresenceEvent event = ((PresenceDecoding.Decoded) decoding).event();
        Device device = registry.find(event.clientId()).orElse(null);
        Rejection notOurs = notThisTenants(device);
        if (notOurs != null) {
            return quarantine(payload, event.clientId(), event.timestamp(), notOurs);
        }
        boolean firstDelivery = store.recordEvent(device, event);
        boolean current = advance(device, event);
        if (!firstDelivery) {
            return new PresenceResult(PresenceResult.Outcome.DUPLICATE, null);
        }
        return new PresenceResult(current ? PresenceResult.Outcome.RECORDED : PresenceResult.Outcome.STALE, null);
    }

    private PresenceResult connectFailed(byte[] payload, PresenceConnectFailure failure) {
        Device device = registry.find(failure.clientId()).orElse(null);
        Rejection notOurs = notThisTenants(device);
        if (notOurs != null) {
            return quarantine(payload, failure.clientId(), failure.timestamp(), notOurs);
        }
        return new PresenceResult(store.recordConnectFailure(device, failure)
                ? PresenceResult.Outcome.CONNECT_FAILED : PresenceResult.Outcome.DUPLICATE, null);
    }

    /** Why a client id's events are not this tenant's to record, or null when the device is this tenant's. */
    private Rejection notThisTenants(Device device) {
        if (device == null) {
            return Rejection.ofMessage(RejectionReason.UNKNOWN_DEVICE,
                    "the client id is not in the tenant's device registry");
        }
        if (!tenantId.equals(device.tenantId())) {
            return Rejection.ofMessage(RejectionReason.TENANT_MISMATCH, "the device is registered to another tenant");
        }
        return null;
    }

    /** Applies the event to the stored presence until a conditional write succeeds; true if it became current. */
    private boolean advance(Device device, PresenceEvent event) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            PresenceStore.Stored stored = store.presence(device.thingName());
            Presence.Step step = Presence.apply(stored.state(), event);
            if (step.next().equals(stored.state()) || store.advance(device, stored, step.next())) {
                return step.becameCurrent();
            }
        }
        throw new IllegalStateException("presence kept changing under " + MAX_CONFLICT_RETRIES + " attempts");
    }

    private PresenceResult quarantine(byte[] payload, String clientId, Instant timestamp, Rejection rejection) {
        Envelope envelope = new Envelope(tenantId, clientId, clientId, timestamp != null ? timestamp : clock.instant());
        store.quarantine(new QuarantineEntry(envelope, null, rejection, payload));
        return PresenceResult.quarantined(rejection.reason().name());
    }
}
