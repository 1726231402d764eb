package org.wardwatch.devicecerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;

/**
 * A real TLS handshake on 127.0.0.1, as IoT Core (or the local broker) does it: the server requires a client
 * certificate and checks its chain with PKIX against the tenant CA only.
 */
class MutualTlsTest {

    private static final TenantId TENANT = TenantId.of("tls-test");
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    private static TenantCa tenantCa;
    private static TenantCa otherCa;
    private static ExecutorService server;

    @TempDir
    Path out;

    @BeforeAll
    static void createCas() {
        tenantCa = TenantCa.create(TENANT, KeyType.EC, Validity.days(365));
        otherCa = TenantCa.create(TenantId.of("someone-else"), KeyType.EC, Validity.days(365));
        server = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stopServer() {
        server.shutdownNow();
    }

    private static DeviceSpec thermometer(String thing) {
        return new DeviceSpec(TENANT, ThingName.of(thing), DeviceKind.THERMOMETER, "ward-3", "4", null);
    }

    @Test
    void deviceCertificateFromTheTenantCa_isAccepted() throws Exception {
        // through the files device-certs writes, read back by the JDK: what a device would load
        StoredDevice device = new TenantFiles(out, TENANT).saveDevice(
                DeviceIdentity.issue(tenantCa, thermometer("bed-4-temp"), KeyType.EC, Validity.days(30)));

        Handshake result = handshake(TestKeys.readWithJdk(device.keyFile()), device.certificate());

        assertThat(result.serverError()).isNull();
        assertThat(result.clientCertificateSubject()).startsWith("CN=bed-4-temp,");
    }

    @Test
    void rsaDeviceCertificateFromTheTenantCa_isAccepted() throws Exception {
        StoredDevice device = new TenantFiles(out, TENANT).saveDevice(
                DeviceIdentity.issue(tenantCa, thermometer("bed-5-temp"), KeyType.RSA, Validity.days(30)));

        assertThat(handshake(TestKeys.readWithJdk(device.keyFile()), device.certificate()).serverError()).isNull();
    }

    @Test
    void deviceCertificateFromAnotherCa_isRefused() throws Exception {
        DeviceIdentity stranger = DeviceIdentity.issue(otherCa, new DeviceSpec(TenantId.of("someone-else"),
                ThingName.of("bed-4-temp"), DeviceKind.THERMOMETER, null, null, null), KeyType.EC, Validity.days(30));

        Handshake result = handshake(stranger.privateKey(), stranger.certificate());

        assertThat(result.serverError()).isNotNull();
        assertThat(result.clientCertificateSubject()).isNull();
    }

    @Test
    void expiredDeviceCertificate_isRefused() throws Exception {
        Instant now = Instant.now();
        DeviceIdentity expired = DeviceIdentity.issue(tenantCa, thermometer("bed-6-temp"), KeyType.EC,
                new Validity(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))));

        Handshake result = handshake(expired.privateKey(), expired.certificate());

        assertThat(result.serverError()).isNotNull();
        assertThat(result.serverError()).contains("validity check failed");
    }

    @Test
    void certificateFromTheTenantCaForTheWrongPurpose_isRefused() throws Exception {
        var keys = KeyType.EC.generate();
        X509Certificate serverOnly = tenantCa.issue(new X500Name("CN=bed-7-temp"), keys.getPublic(),
                Validity.days(30), KeyPurposeId.id_kp_serverAuth);

        Handshake result = handshake(keys.getPrivate(), serverOnly);

        assertThat(result.serverError()).isNotNull();
        assertThat(result.serverError()).containsIgnoringCase("key usage");
    }

    /** What the server saw: the client's subject when it accepted, the failure when it refused. */
    record Handshake(String clientCertificateSubject, String serverError) {
    }

    private Handshake handshake(PrivateKey clientKey, X509Certificate clientCertificate) throws Exception {
        // the server's own identity comes from a separate CA that only the client trusts
        TenantCa serverCa = TenantCa.create(TenantId.of("server-ca"), KeyType.EC, Validity.days(30));
        var serverKeys = KeyType.EC.generate();
        X509Certificate serverCertificate = serverCa.issue(new X500Name("CN=127.0.0.1"), serverKeys.getPublic(),
                Validity.days(30), KeyPurposeId.id_kp_serverAuth);

        SSLContext serverContext = context(serverKeys.getPrivate(), serverCertificate, tenantCa.certificate());
        SSLContext clientContext = context(clientKey, clientCertificate, serverCa.certificate());

        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            Future<Handshake> accepted = server.submit(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(5_000);
                    socket.startHandshake();
                    int ping = socket.getInputStream().read();
                    socket.getOutputStream().write(ping);
                    socket.getOutputStream().flush();
                    X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                    return new Handshake(peer.getSubjectX500Principal().getName(), null);
                } catch (IOException e) {
                    return new Handshake(null, String.valueOf(e.getMessage()));
                }
            });
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                client.setSoTimeout(5_000);
                client.startHandshake();
                client.getOutputStream().write(42);
                client.getOutputStream().flush();
                assertThat(client.getInputStream().read()).isEqualTo(42);
            } catch (IOException refused) {
                // TLS 1.3: the client may finish its half before the server refuses; the server's view decides
            }
            return accepted.get(10, TimeUnit.SECONDS);
        }
    }

    private static SSLContext context(PrivateKey key, X509Certificate certificate, X509Certificate trusted)
            throws Exception {
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("identity", key, STORE_PASSWORD, new X509Certificate[] {certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(identity, STORE_PASSWORD);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", trusted);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trust);

        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
