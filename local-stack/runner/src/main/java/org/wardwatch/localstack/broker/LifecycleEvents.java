package org.wardwatch.localstack.broker;

import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListenerProvider;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationFailedInput;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ClientInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ClientLifecycleEventListenerProviderInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionLostInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ServerInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.Publish;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes IoT Core's lifecycle events: {@code connected} once a client is authenticated, {@code disconnected} with
 * IoT Core's reason when that connection ends, {@code connect_failed} when its CONNECT is refused (a TLS handshake
 * that fails never reaches MQTT and gets no event). When a session ends, {@link SessionEnded} is told whether IoT
 * Core would publish its Last Will. Each event is handed to the rules engine as a publish on its topic and published into the broker, where a
 * client whose policy allows it may subscribe to {@code $aws/events/presence/#}. Clients themselves cannot publish
 * on {@code $} topics: HiveMQ disconnects a client that tries.
 *
 * <p>HiveMQ asks for one listener per MQTT connection and runs one client id's callbacks one after another on its
 * extension executor, so a connection's session and version live in its own {@link Connection}. After a session
 * takeover the old connection's disconnected event and the new one's connected event may reach subscribers in
 * either order, as in IoT Core; the version number orders them.
 */
final class LifecycleEvents implements ClientLifecycleEventListenerProvider {

    /** The connection attribute in which authentication leaves the client certificate's IoT certificate id. */
    static final String PRINCIPAL_ATTRIBUTE = "wardwatch.principalIdentifier";
    /** The connection attribute in which authentication leaves the token of the session it opened. */
    static final String SESSION_ATTRIBUTE = "wardwatch.session";

    /** Told when an authenticated connection ends. */
    @FunctionalInterface
    interface SessionEnded {
        /** {@code willIsPublished}: IoT Core publishes the Last Will for every reason but a client's DISCONNECT. */
        void ended(String clientId, String sessionToken, boolean willIsPublished);
    }

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleEvents.class);

    private final PublishListener listener;
    private final SessionEnded sessionEnded;
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();

    LifecycleEvents(PublishListener listener, SessionEnded sessionEnded) {
        this.listener = listener;
        this.sessionEnded = sessionEnded;
    }

    /** Lifecycle events published so far. */
    long published() {
        return published.get();
    }

    @Override
    public ClientLifecycleEventListener getClientLifecycleEventListener(
            ClientLifecycleEventListenerProviderInput input) {
        return new Connection();
    }

    private void publish(LifecycleEvent event) {
        published.incrementAndGet();
        byte[] payload = event.json().getBytes(StandardCharsets.UTF_8);
        listener.onPublish(event.clientId(), event.topic(), payload, event.timestamp());
        try {
            Publish publish = Builders.publish().topic(event.topic()).qos(Qos.AT_LEAST_ONCE)
                    .payload(ByteBuffer.wrap(payload)).build();
            Services.publishService().publish(publish).whenComplete((done, error) -> {
                if (error != null) {
                    failed(event, error);
                }
            });
        } catch (RuntimeException e) {
            failed(event, e); // the broker is stopping
        }
    }

    private static void failed(LifecycleEvent event, Throwable error) {
        LOG.warn("the broker did not take the {} event of client {}: {}", event.eventType(), event.clientId(),
                error.toString());
    }

    /** One MQTT connection: its connected event, once authenticated, and the disconnected event that ends it. */
    private final class Connection implements ClientLifecycleEventListener {

        private volatile LifecycleEvent connected;
        private volatile String sessionToken;

        @Override
        public void onMqttConnectionStart(ConnectionStartInput input) {
        }

        @Override
        public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
            String clientId = input.getClientInformation().getClientId();
            ConnectionInformation connection = input.getConnectionInformation();
            long version = versions.computeIfAbsent(clientId, id -> new AtomicLong()).incrementAndGet();
            sessionToken = connection.getConnectionAttributeStore().getAsString(SESSION_ATTRIBUTE).orElse(null);
            connected = LifecycleEvent.connected(clientId, System.currentTimeMillis(),
                    UUID.randomUUID().toString().replace("-", ""), principal(connection),
                    connection.getInetAddress().map(InetAddress::getHostAddress).orElse("unknown"), version);
            publish(connected);
        }

        /**
         * HiveMQ fires this, and never {@link #onAuthenticationSuccessful}, also when the CONNECT was authenticated but
         * its Last Will refused: the session authentication opened for it ends without its will.
         */
        @Override
        public void onAuthenticationFailedDisconnect(AuthenticationFailedInput input) {
            ConnectionInformation connection = input.getConnectionInformation();
            String clientId = input.getClientInformation().getClientId();
            publish(LifecycleEvent.connectFailed(clientId, System.currentTimeMillis(), principal(connection),
                    connection.getInetAddress().map(InetAddress::getHostAddress).orElse("unknown")));
            connection.getConnectionAttributeStore().getAsString(SESSION_ATTRIBUTE)
                    .ifPresent(token -> sessionEnded.ended(clientId, token, false));
        }

        @Override
        public void onClientInitiatedDisconnect(ClientInitiatedDisconnectInput input) {
            // An MQTT 5 client may ask for its will with reason 0x04, as the MQTT specification allows.
            boolean withWill = input.getReasonCode().orElse(null) == DisconnectedReasonCode.DISCONNECT_WITH_WILL_MESSAGE;
            disconnected(true, "CLIENT_INITIATED_DISCONNECT", withWill);
        }

        @Override
        public void onConnectionLost(ConnectionLostInput input) {
            disconnected(false, "CONNECTION_LOST", true);
        }

        @Override
        public void onServerInitiatedDisconnect(ServerInitiatedDisconnectInput input) {
            disconnected(false, LifecycleEvent.serverDisconnectReason(input.getReasonCode().orElse(null)), true);
        }

        @Override
        public void onDisconnect(DisconnectEventInput input) {
            // Every kind of disconnect has its own method above.
        }

        private void disconnected(boolean clientInitiated, String reason, boolean willIsPublished) {
            LifecycleEvent session = connected;
            if (session == null) {
                return; // never authenticated: no session, no event
            }
            connected = null;
            publish(LifecycleEvent.disconnected(session, System.currentTimeMillis(), clientInitiated, reason));
            sessionEnded.ended(session.clientId(), sessionToken, willIsPublished);
        }
    }

    /** The IoT certificate id authentication found (always, once authenticated), else the certificate's hash. */
    private static String principal(ConnectionInformation connection) {
        return connection.getConnectionAttributeStore().getAsString(PRINCIPAL_ATTRIBUTE)
                .or(() -> connection.getClientTlsInformation().flatMap(ClientTlsInformation::getClientCertificate)
                        .map(certificate -> {
                            try {
                                return HexFormat.of().formatHex(
                                        MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
                            } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
                                return null;
                            }
                        }))
                .orElse("unknown");
    }
}
