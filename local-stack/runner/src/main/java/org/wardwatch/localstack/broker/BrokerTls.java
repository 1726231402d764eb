package org.wardwatch.localstack.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The local broker's TLS material. IoT Core presents a certificate from Amazon's CA; locally a throw-away CA,
 * made per run, signs the broker's certificate for 127.0.0.1 and localhost, and devices are told to trust it.
 * The trust store holds the tenant CA: only certificates it issued can complete the handshake.
 */
public final class BrokerTls {

    private final Path keystore;
    private final Path truststore;
    private final Path brokerCaPem;
    private final String password;

    private BrokerTls(Path keystore, Path truststore, Path brokerCaPem, String password) {
        this.keystore = keystore;
        this.truststore = truststore;
        this.brokerCaPem = brokerCaPem;
        this.password = password;
    }

    /** Writes broker CA, server key store and a trust store of {@code trustedClientCas} (JKS: HiveMQ reads only JKS). */
    public static BrokerTls create(Path directory, List<X509Certificate> trustedClientCas) {
        try {
            Files.createDirectories(directory);
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            KeyPair caKeys = ecKeys();
            X500Name caName = new X500Name("CN=wardwatch local broker CA, O=wardwatch local-stack");
            Instant now = Instant.now();
            X509Certificate ca = sign(new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(Duration.ofDays(30))), caName, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                    caKeys.getPrivate());
            KeyPair serverKeys = ecKeys();
            X509Certificate server = sign(new JcaX509v3CertificateBuilder(caName, serial(),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(30))),
                    new X500Name("CN=localhost, O=wardwatch local-stack"), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost")})),
                    caKeys.getPrivate());

            KeyStore keys = KeyStore.getInstance("JKS");
            keys.load(null, null);
            keys.setKeyEntry("broker", serverKeys.getPrivate(), password.toCharArray(),
                    new X509Certificate[]{server, ca});
            Path keystore = directory.resolve("broker-keystore.jks");
            store(keys, keystore, password);

            KeyStore trust = KeyStore.getInstance("JKS");
            trust.load(null, null);
            for (int i = 0; i < trustedClientCas.size(); i++) {
                trust.setCertificateEntry("tenant-ca-" + i, trustedClientCas.get(i));
            }
            Path truststore = directory.resolve("broker-truststore.jks");
            store(trust, truststore, password);

            Path pem = directory.resolve("broker-ca.pem");
            try (Writer out = Files.newBufferedWriter(pem); JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(ca);
            }
            return new BrokerTls(keystore, truststore, pem, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("could not make the broker's TLS material", e);
        }
    }

    public Path keystore() {
        return keystore;
    }

    public Path truststore() {
        return truststore;
    }

    /** The CA file devices must trust to connect to the local broker (instead of Amazon Root CA 1). */
    public Path brokerCaPem() {
        return brokerCaPem;
    }

    String password() {
        return password;
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    }

    private static X509Certificate sign(org.bouncycastle.cert.X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static void store(KeyStore store, Path file, String password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }
}
