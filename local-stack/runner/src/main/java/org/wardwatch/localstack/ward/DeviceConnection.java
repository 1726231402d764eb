package org.wardwatch.localstack.ward;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import software.amazon.awssdk.crt.CRT;
import software.amazon.awssdk.crt.mqtt5.Mqtt5Client;
import software.amazon.awssdk.crt.mqtt5.Mqtt5ClientOptions;
import software.amazon.awssdk.crt.mqtt5.OnAttemptingConnectReturn;
import software.amazon.awssdk.crt.mqtt5.OnConnectionFailureReturn;
import software.amazon.awssdk.crt.mqtt5.OnConnectionSuccessReturn;
import software.amazon.awssdk.crt.mqtt5.OnDisconnectionReturn;
import software.amazon.awssdk.crt.mqtt5.OnStoppedReturn;
import software.amazon.awssdk.crt.mqtt5.PublishResult;
import software.amazon.awssdk.crt.mqtt5.packets.ConnAckPacket;
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
    private final CompletableFuture<String> disconnected = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ConnAckPacket connack;

    private DeviceConnection(Mqtt5Client client, CompletableFuture<Void> stopped) {
        this.client = client;
        this.stopped = stopped;
    }

    /** A message the broker delivered to this client on one of its subscriptions. */
    public record Received(String topic, byte[] payload) {
    }

    /** A Last Will the CONNECT carries, at QoS 1. */
    public record Will(String topic, byte[] payload, boolean retain) {
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
        return connect(host, port, trustedCa, certificate, key, clientId, timeout, received, null);
    }

    /** As above, with a Last Will (null for none). */
    public static DeviceConnection connect(String host, int port, Path trustedCa, Path certificate, Path key,
                                           String clientId, Duration timeout, Consumer<Received> received, Will will)
            throws RefusedException {
        CompletableFuture<String> connected = new CompletableFuture<>();
        DeviceConnection[] self = new DeviceConnection[1];
        ConnectPacket.ConnectPacketBuilder connect = new ConnectPacket.ConnectPacketBuilder().withClientId(clientId)
                .withKeepAliveIntervalSeconds(60L);
        if (will != null) {
            connect.withWill(new PublishPacket.PublishPacketBuilder().withTopic(will.topic())
                    .withQOS(QOS.AT_LEAST_ONCE).withRetain(will.retain()).withPayload(will.payload()).build());
        }
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Mqtt5Client client;
        try (AwsIotMqtt5ClientBuilder builder = AwsIotMqtt5ClientBuilder.newDirectMqttBuilderWithMtlsFromPath(
                host, certificate.toString(), key.toString())) {
            builder.withCertificateAuthorityFromPath(null, trustedCa.toString())
                    .withPort((long) port)
                    .withConnectProperties(connect)
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
                            if (self[0] != null && self[0].connack == null) {
                                self[0].connack = r.getConnAckPacket();
                            }
                            connected.complete(null);
                        }

                        @Override
                        public void onConnectionFailure(Mqtt5Client c, OnConnectionFailureReturn r) {
                            ConnAckPacket ack = r.getConnAckPacket();
                            connected.complete(ack != null ? "CONNACK " + reason(ack.getReasonCode().name(),
                                    ack.getReasonCode().getValue()) : "no CONNACK: " + CRT.awsErrorName(r.getErrorCode()));
                        }

                        @Override
                        public void onDisconnection(Mqtt5Client c, OnDisconnectionReturn r) {
                            if (self[0] == null || self[0].closed.get()) {
                                return;
                            }
                            DisconnectPacket packet = r.getDisconnectPacket();
                            self[0].disconnected.complete(packet != null ? "DISCONNECT "
                                    + reason(packet.getReasonCode().name(), packet.getReasonCode().getValue())
                                    : "connection closed: " + CRT.awsErrorName(r.getErrorCode()));
                        }

                        @Override
                        public void onStopped(Mqtt5Client c, OnStoppedReturn r) {
                            stopped.complete(null);
                        }
                    });
            client = builder.build();
        }
        DeviceConnection connection = new DeviceConnection(client, stopped);
        self[0] = connection;
        client.start();
        String refusal;
        try {
            refusal = connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refusal = "interrupted";
        } catch (ExecutionException | TimeoutException e) {
            refusal = "no answer within " + timeout.toSeconds() + " s";
        }
        if (refusal != null) {
            connection.close();
            throw new RefusedException(clientId + " could not connect: " + refusal, refusal);
        }
        return connection;
    }

    private static String reason(String name, int value) {
        return name + " (0x" + Integer.toHexString(value) + ")";
    }

    /** Publishes at QoS 1; the future completes with whether the broker acknowledged it as accepted. */
    public CompletableFuture<Boolean> publish(String topic, byte[] payload) {
        return client.publish(new PublishPacket.PublishPacketBuilder().withTopic(topic).withQOS(QOS.AT_LEAST_ONCE)
                        .withPayload(payload).build())
                .thenApply(DeviceConnection::accepted)
                .exceptionally(error -> false);
    }

    /**
     * Publishes at QoS 1; the future completes with the broker's PUBACK, e.g. {@code "PUBACK NOT_AUTHORIZED (0x87)"},
     * or with why there was none.
     */
    public CompletableFuture<String> publishForAnswer(String topic, byte[] payload, boolean retain) {
        return client.publish(new PublishPacket.PublishPacketBuilder().withTopic(topic).withQOS(QOS.AT_LEAST_ONCE)
                        .withRetain(retain).withPayload(payload).build())
                .thenApply(result -> {
                    PubAckPacket ack = result.getResultPubAck();
                    return ack == null ? "no PUBACK"
                            : "PUBACK " + reason(ack.getReasonCode().name(), ack.getReasonCode().getValue());
                })
                .exceptionally(error -> "no PUBACK: " + error.getMessage());
    }

    /** Subscribes at QoS 1; the future completes with whether the broker granted the subscription. */
    public CompletableFuture<Boolean> subscribe(String topicFilter) {
        return client.subscribe(new SubscribePacket.SubscribePacketBuilder()
                        .withSubscription(topicFilter, QOS.AT_LEAST_ONCE).build())
                .thenApply(ack -> !ack.getReasonCodes().isEmpty()
                        && ack.getReasonCodes().stream().allMatch(code -> code.getValue() < 0x80))
                .exceptionally(error -> false);
    }

    /** Subscribes at QoS 1; the future completes with the SUBACK's reason, e.g. {@code "SUBACK NOT_AUTHORIZED (0x87)"}. */
    public CompletableFuture<String> subscribeForAnswer(String topicFilter) {
        return client.subscribe(new SubscribePacket.SubscribePacketBuilder()
                        .withSubscription(topicFilter, QOS.AT_LEAST_ONCE).build())
                .thenApply(ack -> "SUBACK " + reason(ack.getReasonCodes().get(0).name(),
                        ack.getReasonCodes().get(0).getValue()))
                .exceptionally(error -> "no SUBACK: " + error.getMessage());
    }

    /**
     * The broker's end of this connection, waited for up to {@code timeout}: {@code "DISCONNECT <reason> (0x..)"}
     * when it sent one, else how the connection closed; empty if it is still open then.
     */
    public java.util.Optional<String> awaitServerDisconnect(Duration timeout) {
        try {
            return java.util.Optional.of(disconnected.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return java.util.Optional.empty();
        }
    }

    /** The highest QoS the broker's CONNACK allows (MQTT 5 "Maximum QoS"; absent means 2). */
    public QOS maximumQos() {
        ConnAckPacket ack = connack;
        return ack == null || ack.getMaximumQOS() == null ? QOS.EXACTLY_ONCE : ack.getMaximumQOS();
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
        private final String refusal;

        public RefusedException(String message, String refusal) {
            super(message);
            this.refusal = refusal;
        }

        /** How it was refused: {@code "CONNACK NOT_AUTHORIZED (0x87)"}, or {@code "no CONNACK: <CRT error>"}. */
        public String refusal() {
            return refusal;
        }
    }
}
