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
 * its policies allowed, under the token authentication gave the connection (not under its client id: a CONNECT that
 * HiveMQ still refuses after authentication must not replace the session a live connection of the same client id
 * has, and after a takeover each session ends with its own will). IoT Core disconnects the devices of a certificate that stops being ACTIVE ("within a few minutes",
 * UpdateCertificate); {@link #endSessionsOfRetiredCertificates} does it on every sweep (each second locally), with
 * one listing of the registry's certificates.
 */
final class LiveSessions {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSessions.class);

    /** A Last Will as its CONNECT carried it. */
    record Will(String topic, byte[] payload) {
    }

    private record Session(String clientId, IotRegistryView.Identity identity, Will will) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final IotRegistryView registry;
    private final PublishListener listener;

    LiveSessions(IotRegistryView registry, PublishListener listener) {
        this.registry = registry;
        this.listener = listener;
    }

    /** A connection authenticated with {@code token}, with the will its policies allowed (or null). */
    void open(String clientId, String token, IotRegistryView.Identity identity, Will will) {
        sessions.put(token, new Session(clientId, identity, will));
    }

    /** The identity the connection of {@code token} authenticated with; empty for null or an ended session. */
    Optional<IotRegistryView.Identity> identity(String token) {
        return Optional.ofNullable(token).map(sessions::get).map(Session::identity);
    }

    /**
     * The connection of {@code token} ended (or its CONNECT was refused after authentication: then
     * {@code willIsPublished} is false); its will reaches the rules engine when IoT Core would publish it. (HiveMQ
     * itself publishes it to subscribers.)
     */
    void ended(String clientId, String token, boolean willIsPublished) {
        Session session = token == null ? null : sessions.remove(token);
        if (session == null) {
            return;
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
        sessions.forEach((token, session) -> {
            String status = statuses.getOrDefault(session.identity().certificateId(), "DELETED");
            if (!status.equals("ACTIVE")) {
                LOG.info("ending the session of client {}: its certificate is {}", session.clientId(), status);
                Services.clientService().disconnectClient(session.clientId(), false,
                        DisconnectReasonCode.NOT_AUTHORIZED, "certificate is " + status);
            }
        });
    }

    void clear() {
        sessions.clear();
    }
}
