package org.wardwatch.localstack.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.slf4j.LoggerFactory;

/**
 * IoT Core's data plane on one machine: HiveMQ CE, embedded, with one MQTT-over-TLS listener on 127.0.0.1 that
 * requires a client certificate, and {@link IotCoreAuthorization} deciding who may connect, publish and subscribe.
 */
public final class IotBroker implements AutoCloseable {

    /** HiveMQ's default of 1,000 queued messages per client silently dropped QoS 1 messages under load. */
    private static final int MAX_QUEUE = 100_000;
    private static final int BIND_ATTEMPTS = 5;

    private final EmbeddedHiveMQ hivemq;
    private final int port;
    private final IotCoreAuthorization authorization;

    private IotBroker(EmbeddedHiveMQ hivemq, int port, IotCoreAuthorization authorization) {
        this.hivemq = hivemq;
        this.port = port;
        this.authorization = authorization;
    }

    public static IotBroker start(Path directory, BrokerTls tls, IotRegistryView registry, PublishListener listener) {
        return start(directory, tls, registry, listener, org.wardwatch.emulator.MotoServer::freePort);
    }

    /**
     * Starts on the first port from {@code ports} that it can bind. HiveMQ cannot report a port it picked itself,
     * so a free port is picked first; another process may take it before HiveMQ binds it, and then the next one is
     * tried.
     */
    static IotBroker start(Path directory, BrokerTls tls, IotRegistryView registry, PublishListener listener,
                           IntSupplier ports) {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            try {
                return startOn(ports.getAsInt(), directory.resolve("attempt-" + attempt), tls, registry, listener);
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private static IotBroker startOn(int port, Path directory, BrokerTls tls, IotRegistryView registry,
                                     PublishListener listener) {
        try {
            Path conf = Files.createDirectories(directory.resolve("conf"));
            Path data = Files.createDirectories(directory.resolve("data"));
            Path extensions = Files.createDirectories(directory.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), config(port, tls));
            IotCoreAuthorization authorization = new IotCoreAuthorization(registry, listener);
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    .withEmbeddedExtension(EmbeddedExtension.builder()
                            .withId("wardwatch-iot-core-authorization")
                            .withName("wardwatch IoT Core authorization")
                            .withVersion("1")
                            .withPriority(1000)
                            .withStartPriority(1000)
                            .withExtensionMain(authorization)
                            .build())
                    .build();
            try {
                hivemq.start().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                closeQuietly(hivemq);
                throw e;
            }
            return new IotBroker(hivemq, port, authorization);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the MQTT broker did not start: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(EmbeddedHiveMQ hivemq) {
        try {
            hivemq.close();
        } catch (Exception e) {
            // a broker that never started has little to release; the start failure is what the caller needs
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public IotCoreAuthorization authorization() {
        return authorization;
    }

    private static String config(int port, BrokerTls tls) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tls-tcp-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                      <name>iot-core-mtls</name>
                      <tls>
                        <keystore>
                          <path>%s</path>
                          <password>%s</password>
                          <private-key-password>%s</private-key-password>
                        </keystore>
                        <truststore>
                          <path>%s</path>
                          <password>%s</password>
                        </truststore>
                        <client-authentication-mode>REQUIRED</client-authentication-mode>
                        <protocols>
                          <protocol>TLSv1.3</protocol>
                          <protocol>TLSv1.2</protocol>
                        </protocols>
                      </tls>
                    </tls-tcp-listener>
                  </listeners>
                  <mqtt>
                    <quality-of-service>
                      <!-- IoT Core supports QoS 0 and 1: CONNACK says so to MQTT 5 clients, QoS 2 ends the connection -->
                      <max-qos>1</max-qos>
                    </quality-of-service>
                    <queued-messages>
                      <max-queue-size>%d</max-queue-size>
                    </queued-messages>
                  </mqtt>
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, tls.keystore(), tls.password(), tls.password(), tls.truststore(), tls.password(),
                MAX_QUEUE);
    }

    /**
     * Stops the broker. When the JVM is already shutting down (Ctrl-C), HiveMQ's own shutdown hook stops it and
     * the stop requested here may never complete: it is given 5 s, so the emulator and functions still stop.
     */
    @Override
    public void close() {
        try {
            hivemq.stop().get(5, TimeUnit.SECONDS);
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LoggerFactory.getLogger(IotBroker.class).warn("the MQTT broker did not confirm its stop", e);
        }
    }
}
