package org.wardwatch.localstack.broker;

import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.services.Services;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's authenticated connections, each with the identity and policies it connected with and the Last Will
 * its policies allowed. IoT Core disconnects the devices of a certificate that stops being ACTIVE ("within a few
 * minutes", UpdateCertificate); {@link #endSessionsOfRetiredCertificates} does it on every sweep (each second
 * locally), with one listing of the registry's certificates.
 */
final class LiveSessions {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSessions.class);

    /** A Last Will as its CONNECT carried it. */
    record Will(String topic, byte[] payload) {
    }

    private record Session(String token, IotRegistryView.Identity identity, Will will) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final IotRegistryView registry;
    private final PublishListener listener;

    LiveSessions(IotRegistryView registry, PublishListener listener) {
        this.registry = registry;
        this.listener = listener;
    }

    /** A connection authenticated: it replaces any earlier session of the client id (a session takeover). */
    void open(String clientId, String token, IotRegistryView.Identity identity) {
        sessions.put(clientId, new Session(token, identity, null));
    }

    Optional<IotRegistryView.Identity> identity(String clientId) {
        return Optional.ofNullable(sessions.get(clientId)).map(Session::identity);
    }

    /** The will the client's policies allowed at connect, kept until its session ends. */
    void keepWill(String clientId, Will will) {
        sessions.computeIfPresent(clientId, (id, s) -> new Session(s.token(), s.identity(), will));
    }

    /** The session {@code token} ended; its will reaches the rules engine when IoT Core would publish it. */
    void ended(String clientId, String token, boolean willIsPublished) {
        Session session = sessions.get(clientId);
        if (session == null || !session.token().equals(token) || !sessions.remove(clientId, session)) {
            return; // already replaced by a newer connection of the same client id
        }
        if (willIsPublished && session.will() != null) {
            listener.onPublish(clientId, session.will().topic(), session.will().payload(), System.currentTimeMillis());
        }
    }

    /** Disconnects every session whose certificate is no longer ACTIVE in the registry. */
    void endSessionsOfRetiredCertificates() {
        if (sessions.isEmpty()) {
            return;
        }
        Map<String, String> statuses;
        try {
            statuses = registry.certificateStatuses();
        } catch (RuntimeException e) {
            LOG.warn("could not list the registry's certificates to check live sessions: {}", e.toString());
            return;
        }
        sessions.forEach((clientId, session) -> {
            String status = statuses.getOrDefault(session.identity().certificateId(), "DELETED");
            if (!status.equals("ACTIVE")) {
                LOG.info("ending the session of client {}: its certificate is {}", clientId, status);
                Services.clientService().disconnectClient(clientId, false, DisconnectReasonCode.NOT_AUTHORIZED,
                        "certificate is " + status);
            }
        });
    }

    void clear() {
        sessions.clear();
    }
}
