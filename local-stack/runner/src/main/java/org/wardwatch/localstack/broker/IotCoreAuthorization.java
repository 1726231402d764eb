package org.wardwatch.localstack.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorizes the local broker's clients the way IoT Core does: the TLS client certificate's CN must be the client
 * id, the certificate must be ACTIVE and attached to the thing of that name, and every connect, publish and
 * subscribe must be allowed by the certificate's IoT policies with {@code ${iot:Connection.Thing.ThingName}}
 * bound to the thing: a retained publish also needs {@code iot:RetainPublish}, a Last Will both (at connect), and
 * each message delivered to a subscriber {@code iot:Receive} (a message it may not receive is silently not
 * delivered). A publish or MQTT 3.1.1 subscribe outside the policies ends the connection; a session whose
 * certificate stops being ACTIVE is ended ({@link LiveSessions}). Publishes it allows are handed to the rules
 * engine, a Last Will when IoT Core would publish it; refused ones never are. Clients also get IoT Core's lifecycle
 * events ({@link LifecycleEvents}).
 */
public final class IotCoreAuthorization implements ExtensionMain {

    private static final Logger LOG = LoggerFactory.getLogger(IotCoreAuthorization.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
    /** How often live sessions are checked against the registry's certificate statuses. */
    private static final Duration SWEEP = Duration.ofSeconds(1);

    private final IotRegistryView registry;
    private final PublishListener listener;
    private final LiveSessions sessions;
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    /** Each client id's count of CONNECTs: a refusal's delayed disconnect ends only the connection it refused. */
    private final Map<String, Long> connects = new ConcurrentHashMap<>();
    private final LifecycleEvents lifecycleEvents;

    public IotCoreAuthorization(IotRegistryView registry, PublishListener listener) {
        this.registry = registry;
        this.listener = listener;
        this.sessions = new LiveSessions(registry, listener);
        this.lifecycleEvents = new LifecycleEvents(listener, sessions::ended);
    }

    /** Lifecycle events ({@code $aws/events/presence/...}) published so far. */
    public long lifecycleEventsPublished() {
        return lifecycleEvents.published();
    }

    /** Refusals so far, by kind (connect, publish, subscribe, receive). */
    public Map<String, Integer> refusals() {
        return Map.copyOf(refusals);
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        SimpleAuthenticator authenticator = this::authenticate;
        Authorizer authorizer = new Authorizer();
        PublishOutboundInterceptor receive = this::authorizeReceive;
        Services.securityRegistry().setAuthenticatorProvider(i -> authenticator);
        Services.securityRegistry().setAuthorizerProvider(i -> authorizer);
        Services.initializerRegistry().setClientInitializer((i, client) -> client.addPublishOutboundInterceptor(receive));
        Services.eventRegistry().setClientLifecycleEventListener(lifecycleEvents);
        Services.extensionExecutorService().scheduleWithFixedDelay(sessions::endSessionsOfRetiredCertificates,
                SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        sessions.clear();
    }

    private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        String clientId = input.getClientInformation().getClientId();
        connects.merge(clientId, 1L, Long::sum);
        Optional<X509Certificate> certificate = input.getConnectionInformation().getClientTlsInformation()
                .flatMap(ClientTlsInformation::getClientCertificate);
        if (certificate.isEmpty()) {
            refuse(output, clientId, "no client certificate");
            return;
        }
        String cn = commonName(certificate.get());
        if (!clientId.equals(cn)) {
            refuse(output, clientId, "client id is not the certificate's CN");
            return;
        }
        Async<SimpleAuthOutput> async = output.async(LOOKUP_TIMEOUT, TimeoutFallback.FAILURE,
                ConnackReasonCode.NOT_AUTHORIZED, "registry lookup timed out");
        Services.extensionExecutorService().submit(() -> {
            try {
                IotRegistryView.Identity identity = registry.resolve(clientId, certificate.get());
                WillPublishPacket will = input.getConnectPacket().getWillPublish().orElse(null);
                String willRefusal = will == null ? null : publishRefusal(identity, clientId, will);
                if (!allows(identity, clientId, "iot:Connect", "client/" + clientId)) {
                    refuse(output, clientId, "iot:Connect not allowed by the certificate's policies");
                } else if (willRefusal != null) {
                    refuse(output, clientId, "Last Will: " + willRefusal);
                } else {
                    String token = UUID.randomUUID().toString();
                    sessions.open(clientId, token, identity, will == null ? null
                            : new LiveSessions.Will(will.getTopic(), will.getPayload().map(IotCoreAuthorization::bytes)
                                    .orElse(new byte[0])));
                    if (will != null) {
                        // HiveMQ checks a will against the default permissions once more after the authorizer
                        // allowed it, just before the CONNACK: without this one it refuses every will.
                        output.getDefaultPermissions().add(Builders.topicPermission().topicFilter(will.getTopic())
                                .activity(TopicPermission.MqttActivity.PUBLISH).type(TopicPermission.PermissionType.ALLOW)
                                .build());
                    }
                    var attributes = input.getConnectionInformation().getConnectionAttributeStore();
                    attributes.putAsString(LifecycleEvents.PRINCIPAL_ATTRIBUTE, identity.certificateId());
                    attributes.putAsString(LifecycleEvents.SESSION_ATTRIBUTE, token);
                    output.authenticateSuccessfully();
                }
            } catch (IotRegistryView.Refusal refusal) {
                refuse(output, clientId, refusal.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("registry lookup for a connecting client failed", e);
                refuse(output, clientId, "registry lookup failed");
            } finally {
                async.resume();
            }
        });
    }

    private void refuse(SimpleAuthOutput output, String clientId, String reason) {
        refusals.merge("connect", 1, Integer::sum);
        LOG.info("refused connect of client {}: {}", clientId, reason);
        output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, reason);
    }

    private static boolean allows(IotRegistryView.Identity identity, String clientId, String action, String resource) {
        return IotPolicy.allows(identity.policies(), action,
                "arn:aws:iot:" + identity.region() + ":" + identity.account() + ":" + resource,
                Map.of("iot:Connection.Thing.ThingName", identity.thingName(), "iot:ClientId", clientId));
    }

    /** Why the policies refuse {@code publish}, or null: iot:Publish, and iot:RetainPublish when it is retained. */
    private static String publishRefusal(IotRegistryView.Identity identity, String clientId, PublishPacket publish) {
        String topic = "topic/" + publish.getTopic();
        if (identity == null || !allows(identity, clientId, "iot:Publish", topic)) {
            return "iot:Publish not allowed";
        }
        if (publish.getRetain() && !allows(identity, clientId, "iot:RetainPublish", topic)) {
            return "iot:RetainPublish not allowed";
        }
        return null;
    }

    private void authorizeReceive(PublishOutboundInput input, PublishOutboundOutput output) {
        String clientId = input.getClientInformation().getClientId();
        IotRegistryView.Identity identity = sessions.identity(token(input.getConnectionInformation())).orElse(null);
        if (identity == null
                || !allows(identity, clientId, "iot:Receive", "topic/" + input.getPublishPacket().getTopic())) {
            refusals.merge("receive", 1, Integer::sum);
            output.preventPublishDelivery();
        }
    }

    /** The token authentication left on the connection, or null before it did. */
    private static String token(ConnectionInformation connection) {
        return connection.getConnectionAttributeStore().getAsString(LifecycleEvents.SESSION_ATTRIBUTE).orElse(null);
    }

    private static String commonName(X509Certificate certificate) {
        RDN[] cns = new X500Name(certificate.getSubjectX500Principal().getName()).getRDNs(BCStyle.CN);
        return cns.length == 1 ? IETFUtils.valueToString(cns[0].getFirst().getValue()) : null;
    }

    private final class Authorizer implements PublishAuthorizer, SubscriptionAuthorizer {

        @Override
        public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
            String clientId = input.getClientInformation().getClientId();
            PublishPacket publish = input.getPublishPacket();
            IotRegistryView.Identity identity = sessions.identity(token(input.getConnectionInformation())).orElse(null);
            String refusal = publishRefusal(identity, clientId, publish);
            byte[] payload = publish.getPayload().map(IotCoreAuthorization::bytes).orElse(new byte[0]);
            if (publish instanceof WillPublishPacket) {
                // Decided at CONNECT (authenticate); it reaches the rules engine when the session ends as IoT Core
                // sends it.
                output.authorizeSuccessfully();
                return;
            }
            if (publish.getQos() == Qos.EXACTLY_ONCE) {
                // HiveMQ would end the connection only after this authorizer handed the message on.
                refusals.merge("publish", 1, Integer::sum);
                output.disconnectClient(DisconnectReasonCode.QOS_NOT_SUPPORTED, "QoS 2 is not supported");
                return;
            }
            if (refusal != null) {
                refusals.merge("publish", 1, Integer::sum);
                LOG.info("refused publish of client {}: {}", clientId, refusal);
                // As IoT Core answers MQTT 5 clients: PUBACK "not authorized", then the connection is closed.
                output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, refusal);
                disconnectSoon(clientId, refusal);
                return;
            }
            output.authorizeSuccessfully();
            listener.onPublish(clientId, publish.getTopic(), payload, System.currentTimeMillis());
        }

        @Override
        public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
            String clientId = input.getClientInformation().getClientId();
            IotRegistryView.Identity identity = sessions.identity(token(input.getConnectionInformation())).orElse(null);
            String filter = input.getSubscription().getTopicFilter();
            if (identity != null && allows(identity, clientId, "iot:Subscribe", "topicfilter/" + filter)) {
                output.authorizeSuccessfully();
                return;
            }
            refusals.merge("subscribe", 1, Integer::sum);
            output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "iot:Subscribe not allowed");
            // IoT Core answers an MQTT 5 client SUBACK "not authorized" and disconnects an MQTT 3 client.
            if (input.getConnectionInformation().getMqttVersion() != MqttVersion.V_5) {
                disconnectSoon(clientId, "iot:Subscribe not allowed");
            }
        }

        /**
         * After the broker's PUBACK or SUBACK has gone out (half a second: under load the acknowledgement can take
         * longer than a fifth of one), and only if the client has not connected again since: the disconnect is by
         * client id, which a new connection of the same thing would otherwise receive.
         */
        private void disconnectSoon(String clientId, String reason) {
            Long connection = connects.get(clientId);
            Services.extensionExecutorService().schedule(() -> {
                if (java.util.Objects.equals(connects.get(clientId), connection)) {
                    Services.clientService().disconnectClient(clientId, false, DisconnectReasonCode.NOT_AUTHORIZED,
                            reason);
                }
            }, 500, TimeUnit.MILLISECONDS);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
