package org.wardwatch.localstack.ward;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.crt.mqtt5.Mqtt5Client;
import software.amazon.awssdk.crt.mqtt5.Mqtt5ClientOptions;
import software.amazon.awssdk.crt.mqtt5.OnAttemptingConnectReturn;
import software.amazon.awssdk.crt.mqtt5.OnConnectionFailureReturn;
import software.amazon.awssdk.crt.mqtt5.OnConnectionSuccessReturn;
import software.amazon.awssdk.crt.mqtt5.OnDisconnectionReturn;
import software.amazon.awssdk.crt.mqtt5.OnStoppedReturn;
import software.amazon.awssdk.crt.mqtt5.PublishResult;
import software.amazon.awssdk.crt.mqtt5.packets.ConnectPacket;
import software.amazon.awssdk.crt.mqtt5.packets.PubAckPacket;
import software.amazon.awssdk.crt.mqtt5.packets.PublishPacket;
import software.amazon.awssdk.crt.mqtt5.QOS;
import software.amazon.awssdk.iot.AwsIotMqtt5ClientBuilder;

/**
 * One device's MQTT 5 connection over mutual TLS, made with the AWS IoT device SDK exactly as a device would
 * (certificate and key files, the CA to trust, client id = thing name), publishing at QoS 1.
 */
public final class DeviceConnection implements AutoCloseable {

    private final Mqtt5Client client;
    private final CompletableFuture<Void> stopped;

    private DeviceConnection(Mqtt5Client client, CompletableFuture<Void> stopped) {
        this.client = client;
        this.stopped = stopped;
    }

    /** Connects, or throws {@link RefusedException} when the broker refuses the client or the handshake. */
    public static DeviceConnection connect(String host, int port, Path trustedCa, Path certificate, Path key,
                                           String clientId, Duration timeout) throws RefusedException {
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

    private static boolean accepted(PublishResult result) {
        PubAckPacket ack = result.getResultPubAck();
        return ack != null && ack.getReasonCode().getValue() < 0x80;
    }

    public boolean connected() {
        return client.getIsConnected();
    }

    @Override
    public void close() {
        try {
            client.stop();
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
