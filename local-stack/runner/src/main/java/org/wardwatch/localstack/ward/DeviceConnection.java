package org.wardwatch.localstack.ward;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import software.amazon.awssdk.crt.mqtt5.Mqtt5Client;
import software.amazon.awssdk.crt.mqtt5.Mqtt5ClientOptions;
import software.amazon.awssdk.crt.mqtt5.OnAttemptingConnectReturn;
import software.amazon.awssdk.crt.mqtt5.OnConnectionFailureReturn;
import software.amazon.awssdk.crt.mqtt5.OnConnectionSuccessReturn;
import software.amazon.awssdk.crt.mqtt5.OnDisconnectionReturn;
import software.amazon.awssdk.crt.mqtt5.OnStoppedReturn;
import software.amazon.awssdk.crt.mqtt5.PublishResult;
import software.amazon.awssdk.crt.mqtt5.packets.ConnectPacket;
import software.amazon.awssdk.crt.mqtt5.packets.DisconnectPacket;
import software.amazon.awssdk.crt.mqtt5.packets.PubAckPacket;
import software.amazon.awssdk.crt.mqtt5.packets.PublishPacket;
import software.amazon.awssdk.crt.mqtt5.packets.SubscribePacket;
import software.amazon.awssdk.crt.mqtt5.QOS;
import software.amazon.awssdk.iot.AwsIotMqtt5ClientBuilder;

/**
 * One device's MQTT 5 connection over mutual TLS, made with the AWS IoT device SDK exactly as a device would
 * (certificate and key files, the CA to trust, client id = thing name), publishing and subscribing at QoS 1.
 * {@link #close()} ends it with an MQTT DISCONNECT, as a device that shuts down cleanly does.
 */
public final class DeviceConnection implements AutoCloseable {

    private final Mqtt5Client client;
    private final CompletableFuture<Void> stopped;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DeviceConnection(Mqtt5Client client, CompletableFuture<Void> stopped) {
        this.client = client;
        this.stopped = stopped;
    }

    /** A message the broker delivered to this client on one of its subscriptions. */
    public record Received(String topic, byte[] payload) {
    }

    /** Connects, or throws {@link RefusedException} when the broker refuses the client or the handshake. */
    public static DeviceConnection connect(String host, int port, Path trustedCa, Path certificate, Path key,
                                           String clientId, Duration timeout) throws RefusedException {
        return connect(host, port, trustedCa, certificate, key, clientId, timeout, message -> {
        });
    }

    /**
     * Connects, handing every message delivered on the client's subscriptions to {@code received} (on the SDK's
     * thread); throws {@link RefusedException} when the broker refuses the client or the handshake.
     */
    public static DeviceConnection connect(String host, int port, Path trustedCa, Path certificate, Path key,
                                           String clientId, Duration timeout, Consumer<Received> received)
            throws RefusedException {
        CompletableFuture<Boolean> connected = new CompletableFuture<>();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Mqtt5Client client;
        try (AwsIotMqtt5ClientBuilder builder = AwsIotMqtt5ClientBuilder.newDirectMqttBuilderWithMtlsFromPath(
                host, certificate.toString(), key.toString())) {
            builder.withCertificateAuthorityFromPath(null, trustedCa.toString())
                    .withPort((long) port)
                    .withConnectProperties(new ConnectPacket.ConnectPacketBuilder().withClientId(clientId)
                            .withKeepAliveIntervalSeconds(60L))
                    // IoT Core allows a connection 100 publishes a second; the local broker has no such limit
                    .withExtendedValidationAndFlowControlOptions(
                            Mqtt5ClientOptions.ExtendedValidationAndFlowControlOptions.NONE)
                    .withMinReconnectDelayMs(1000L)
                    .withPublishEvents((c, r) -> received.accept(new Received(r.getPublishPacket().getTopic(),
                            r.getPublishPacket().getPayload())))
                    .withLifeCycleEvents(new Mqtt5ClientOptions.LifecycleEvents() {
                        @Override
                        public void onAttemptingConnect(Mqtt5Client c, OnAttemptingConnectReturn r) {
                        }

                        @Override
                        public void onConnectionSuccess(Mqtt5Client c, OnConnectionSuccessReturn r) {
                            connected.complete(true);
                        }

                        @Override
                        public void onConnectionFailure(Mqtt5Client c, OnConnectionFailureReturn r) {
                            connected.complete(false);
                        }

                        @Override
                        public void onDisconnection(Mqtt5Client c, OnDisconnectionReturn r) {
                        }

                        @Override
                        public void onStopped(Mqtt5Client c, OnStoppedReturn r) {
                            stopped.complete(null);
                        }
                    });
            client = builder.build();
        }
        DeviceConnection connection = new DeviceConnection(client, stopped);
        client.start();
        boolean ok;
        try {
            ok = connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        } catch (ExecutionException | TimeoutException e) {
            ok = false;
        }
        if (!ok) {
            connection.close();
            throw new RefusedException(clientId + " could not connect");
        }
        return connection;
    }

    /** Publishes at QoS 1; the future completes with whether the broker acknowledged it as accepted. */
    public CompletableFuture<Boolean> publish(String topic, byte[] payload) {
        return client.publish(new PublishPacket.PublishPacketBuilder().withTopic(topic).withQOS(QOS.AT_LEAST_ONCE)
                        .withPayload(payload).build())
                .thenApply(DeviceConnection::accepted)
                .exceptionally(error -> false);
    }

    /** Subscribes at QoS 1; the future completes with whether the broker granted the subscription. */
    public CompletableFuture<Boolean> subscribe(String topicFilter) {
        return client.subscribe(new SubscribePacket.SubscribePacketBuilder()
                        .withSubscription(topicFilter, QOS.AT_LEAST_ONCE).build())
                .thenApply(ack -> !ack.getReasonCodes().isEmpty()
                        && ack.getReasonCodes().stream().allMatch(code -> code.getValue() < 0x80))
                .exceptionally(error -> false);
    }

    private static boolean accepted(PublishResult result) {
        PubAckPacket ack = result.getResultPubAck();
        return ack != null && ack.getReasonCode().getValue() < 0x80;
    }

    public boolean connected() {
        return client.getIsConnected();
    }

    /** Disconnects cleanly: an MQTT DISCONNECT (normal disconnection), then the connection is closed. */
    @Override
    public void close() {
        stop(new DisconnectPacket.DisconnectPacketBuilder()
                .withReasonCode(DisconnectPacket.DisconnectReasonCode.NORMAL_DISCONNECTION).build());
    }

    /**
     * Closes the connection without an MQTT DISCONNECT, as a device that loses power or network does: the broker
     * sees the connection drop.
     */
    public void closeWithoutDisconnect() {
        stop(null);
    }

    private void stop(DisconnectPacket disconnect) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (disconnect != null) {
                client.stop(disconnect);
            } else {
                client.stop();
            }
            stopped.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // closing anyway
        } finally {
            client.close();
        }
    }

    /** The broker or the TLS handshake refused the device. */
    public static final class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }
}
