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
 * Publishes IoT Core's lifecycle events for every client that authenticated: {@code connected} once it is
 * authenticated, {@code disconnected} with IoT Core's reason when that connection ends. A refused CONNECT gets no
 * event. Each event is handed to the rules engine as a publish on its topic and published into the broker, where a
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
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleEvents.class);

    private final PublishListener listener;
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();

    LifecycleEvents(PublishListener listener) {
        this.listener = listener;
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

        @Override
        public void onMqttConnectionStart(ConnectionStartInput input) {
        }

        @Override
        public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
            String clientId = input.getClientInformation().getClientId();
            ConnectionInformation connection = input.getConnectionInformation();
            long version = versions.computeIfAbsent(clientId, id -> new AtomicLong()).incrementAndGet();
            connected = LifecycleEvent.connected(clientId, System.currentTimeMillis(),
                    UUID.randomUUID().toString().replace("-", ""), principal(connection),
                    connection.getInetAddress().map(InetAddress::getHostAddress).orElse("unknown"), version);
            publish(connected);
        }

        @Override
        public void onAuthenticationFailedDisconnect(AuthenticationFailedInput input) {
            // IoT Core reports a refused connect as a connect-failure event, not emulated here.
        }

        @Override
        public void onClientInitiatedDisconnect(ClientInitiatedDisconnectInput input) {
            disconnected(true, "CLIENT_INITIATED_DISCONNECT");
        }

        @Override
        public void onConnectionLost(ConnectionLostInput input) {
            disconnected(false, "CONNECTION_LOST");
        }

        @Override
        public void onServerInitiatedDisconnect(ServerInitiatedDisconnectInput input) {
            disconnected(false, LifecycleEvent.serverDisconnectReason(input.getReasonCode().orElse(null)));
        }

        @Override
        public void onDisconnect(DisconnectEventInput input) {
            // Every kind of disconnect has its own method above.
        }

        private void disconnected(boolean clientInitiated, String reason) {
            LifecycleEvent session = connected;
            if (session == null) {
                return; // never authenticated: no session, no event
            }
            connected = null;
            publish(LifecycleEvent.disconnected(session, System.currentTimeMillis(), clientInitiated, reason));
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
