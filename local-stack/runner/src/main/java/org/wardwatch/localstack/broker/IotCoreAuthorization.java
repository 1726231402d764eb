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
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
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
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
 * bound to the thing. Publishes it allows are handed to the rules engine; refused ones never are. Clients that
 * authenticated also get IoT Core's lifecycle events ({@link LifecycleEvents}).
 */
public final class IotCoreAuthorization implements ExtensionMain {

    private static final Logger LOG = LoggerFactory.getLogger(IotCoreAuthorization.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    private final IotRegistryView registry;
    private final PublishListener listener;
    private final Map<String, IotRegistryView.Identity> connected = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final LifecycleEvents lifecycleEvents;

    public IotCoreAuthorization(IotRegistryView registry, PublishListener listener) {
        this.registry = registry;
        this.listener = listener;
        this.lifecycleEvents = new LifecycleEvents(listener);
    }

    /** Lifecycle events ({@code $aws/events/presence/...}) published so far. */
    public long lifecycleEventsPublished() {
        return lifecycleEvents.published();
    }

    /** Refusals so far, by kind (connect, publish, subscribe). */
    public Map<String, Integer> refusals() {
        return Map.copyOf(refusals);
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        SimpleAuthenticator authenticator = this::authenticate;
        Authorizer authorizer = new Authorizer();
        Services.securityRegistry().setAuthenticatorProvider(i -> authenticator);
        Services.securityRegistry().setAuthorizerProvider(i -> authorizer);
        Services.eventRegistry().setClientLifecycleEventListener(lifecycleEvents);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        connected.clear();
    }

    private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        String clientId = input.getClientInformation().getClientId();
        Optional<X509Certificate> certificate = input.getConnectionInformation().getClientTlsInformation()
                .flatMap(ClientTlsInformation::getClientCertificate);
        if (certificate.isEmpty()) {
            refuse(output, "connect", clientId, "no client certificate");
            return;
        }
        String cn = commonName(certificate.get());
        if (!clientId.equals(cn)) {
            refuse(output, "connect", clientId, "client id is not the certificate's CN");
            return;
        }
        Async<SimpleAuthOutput> async = output.async(LOOKUP_TIMEOUT, TimeoutFallback.FAILURE,
                ConnackReasonCode.NOT_AUTHORIZED, "registry lookup timed out");
        Services.extensionExecutorService().submit(() -> {
            try {
                IotRegistryView.Identity identity = registry.resolve(clientId, certificate.get());
                String resource = "arn:aws:iot:" + identity.region() + ":" + identity.account() + ":client/" + clientId;
                if (!IotPolicy.allows(identity.policies(), "iot:Connect", resource, variables(identity, clientId))) {
                    refuse(output, "connect", clientId, "iot:Connect not allowed by the certificate's policies");
                } else {
                    connected.put(clientId, identity);
                    String arn = identity.certificateArn();
                    String certificateId = arn.substring(arn.lastIndexOf('/') + 1);
                    input.getConnectionInformation().getConnectionAttributeStore()
                            .putAsString(LifecycleEvents.PRINCIPAL_ATTRIBUTE, certificateId);
                    output.authenticateSuccessfully();
                }
            } catch (IotRegistryView.Refusal refusal) {
                refuse(output, "connect", clientId, refusal.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("registry lookup for a connecting client failed", e);
                refuse(output, "connect", clientId, "registry lookup failed");
            } finally {
                async.resume();
            }
        });
    }

    private void refuse(SimpleAuthOutput output, String kind, String clientId, String reason) {
        refusals.merge(kind, 1, Integer::sum);
        LOG.info("refused {} of client {}: {}", kind, clientId, reason);
        output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, reason);
    }

    private static Map<String, String> variables(IotRegistryView.Identity identity, String clientId) {
        return Map.of("iot:Connection.Thing.ThingName", identity.thingName(), "iot:ClientId", clientId);
    }

    private static String commonName(X509Certificate certificate) {
        RDN[] cns = new X500Name(certificate.getSubjectX500Principal().getName()).getRDNs(BCStyle.CN);
        return cns.length == 1 ? IETFUtils.valueToString(cns[0].getFirst().getValue()) : null;
    }

    private final class Authorizer implements PublishAuthorizer, SubscriptionAuthorizer {

        @Override
        public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
            String clientId = input.getClientInformation().getClientId();
            String topic = input.getPublishPacket().getTopic();
            IotRegistryView.Identity identity = connected.get(clientId);
            String resource = identity == null ? null
                    : "arn:aws:iot:" + identity.region() + ":" + identity.account() + ":topic/" + topic;
            if (identity == null
                    || !IotPolicy.allows(identity.policies(), "iot:Publish", resource, variables(identity, clientId))) {
                refusals.merge("publish", 1, Integer::sum);
                LOG.info("refused publish of client {} to a topic its policy does not allow", clientId);
                // As IoT Core answers MQTT 5 clients: PUBACK "not authorized", then the connection is closed.
                output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "iot:Publish not allowed");
                Services.extensionExecutorService().schedule(() -> Services.clientService().disconnectClient(
                        clientId, false, DisconnectReasonCode.NOT_AUTHORIZED, "iot:Publish not allowed"),
                        200, TimeUnit.MILLISECONDS);
                return;
            }
            output.authorizeSuccessfully();
            byte[] payload = input.getPublishPacket().getPayload().map(IotCoreAuthorization::bytes).orElse(new byte[0]);
            listener.onPublish(clientId, topic, payload, System.currentTimeMillis());
        }

        @Override
        public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
            String clientId = input.getClientInformation().getClientId();
            IotRegistryView.Identity identity = connected.get(clientId);
            String filter = input.getSubscription().getTopicFilter();
            if (identity != null && IotPolicy.allows(identity.policies(), "iot:Subscribe",
                    "arn:aws:iot:" + identity.region() + ":" + identity.account() + ":topicfilter/" + filter,
                    variables(identity, clientId))) {
                output.authorizeSuccessfully();
            } else {
                refusals.merge("subscribe", 1, Integer::sum);
                output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "iot:Subscribe not allowed");
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
