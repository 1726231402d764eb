package org.wardwatch.devicecerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;

class TenantCaTest {

    private static final TenantId TENANT = TenantId.of("ca-test");
    private static TenantCa ca;

    @TempDir
    Path out;

    @BeforeAll
    static void createCa() {
        ca = TenantCa.create(TENANT, KeyType.EC, Validity.days(3650));
    }

    private static DeviceSpec oximeter(String thing) {
        return new DeviceSpec(TENANT, ThingName.of(thing), DeviceKind.PULSE_OXIMETER, "ward-7", "12", null);
    }

    @Test
    void caCertificate_mayOnlySignEndEntityCertificates() throws Exception {
        X509Certificate certificate = ca.certificate();

        assertThat(certificate.getBasicConstraints()).isZero(); // CA:true, pathLen 0
        assertThat(certificate.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isFalse();
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void deviceCertificate_namesTheThingAndIsForClientAuthenticationOnly() throws Exception {
        DeviceIdentity device = DeviceIdentity.issue(ca, oximeter("ward-7-bed-12-spo2"), KeyType.EC, Validity.days(30));
        X509Certificate certificate = device.certificate();

        assertThat(certificate.getSubjectX500Principal().getName()).startsWith("CN=ward-7-bed-12-spo2,");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(certificate.getKeyUsage()[5]).as("keyCertSign").isFalse();
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        certificate.verify(ca.certificate().getPublicKey());
    }

    @Test
    void deviceKeys_arePkcs8ThatNameTheirCurve_andRsaIsAnOption() throws Exception {
        TenantFiles files = new TenantFiles(out, TENANT);
        StoredDevice ec = files.saveDevice(DeviceIdentity.issue(ca, oximeter("ec-1"), KeyType.EC, Validity.days(30)));
        StoredDevice rsa = files.saveDevice(DeviceIdentity.issue(ca, oximeter("rsa-1"), KeyType.RSA, Validity.days(30)));

        try (PEMParser parser = new PEMParser(Files.newBufferedReader(ec.keyFile()))) {
            PrivateKeyInfo info = (PrivateKeyInfo) parser.readObject();
            assertThat(info.getPrivateKeyAlgorithm().getAlgorithm()).isEqualTo(X9ObjectIdentifiers.id_ecPublicKey);
            assertThat(info.getPrivateKeyAlgorithm().getParameters())
                    .isEqualTo(new ASN1ObjectIdentifier(SECObjectIdentifiers.secp256r1.getId()));
        }
        assertThat(Files.readString(ec.keyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(TestKeys.readWithJdk(ec.keyFile())).isInstanceOf(ECPrivateKey.class);
        assertThat(((RSAPrivateKey) TestKeys.readWithJdk(rsa.keyFile())).getModulus().bitLength()).isEqualTo(2048);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ec.keyFile()))).isEqualTo("r--------");
        assertThat(ec.keyFile().getFileName()).hasToString("ec-1-private.pem.key");
        assertThat(ec.certificateFile().getFileName()).hasToString("ec-1-certificate.pem.crt");
    }

    @Test
    void caKey_isOwnerReadOnly_andEncryptedUnderAPassphraseWhenGivenOne() throws Exception {
        TenantFiles files = new TenantFiles(out, TENANT);
        files.saveCa(ca, "correct horse".toCharArray());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.caKeyFile()))).isEqualTo("r--------");
        assertThat(Files.readString(files.caKeyFile())).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThatThrownBy(() -> files.loadCa(null)).isInstanceOf(PassphraseException.class)
                .hasMessageContaining("is encrypted");
        assertThatThrownBy(() -> files.loadCa("wrong".toCharArray())).isInstanceOf(PassphraseException.class)
                .hasMessageContaining("wrong passphrase");
        assertThat(files.loadCa("correct horse".toCharArray()).certificate()).isEqualTo(ca.certificate());
        assertThatThrownBy(() -> files.saveCa(ca, null)).isInstanceOf(DeviceStateException.class)
                .hasMessageContaining("already has a CA");
    }

    @Test
    void csr_isSignedForItsOwnKey_andTheKeyNeverLeavesTheDevice() throws Exception {
        KeyPair deviceKeys = KeyType.EC.generate();
        DeviceIdentity device = DeviceIdentity.fromCsr(ca, oximeter("csr-1"),
                Pem.parseCsr(Pem.csr(TestKeys.csr(deviceKeys, "csr-1"))), Validity.days(30));

        assertThat(device.certificate().getPublicKey()).isEqualTo(deviceKeys.getPublic());
        assertThat(device.privateKeyIfHeld()).isEmpty();
        StoredDevice stored = new TenantFiles(out, TENANT).saveDevice(device);
        assertThat(stored.keyFile()).isNull();
        try (var files = Files.list(stored.dir())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("csr-1-certificate.pem.crt", "device.properties");
        }
    }

    @Test
    void csrForAnotherThing_orWithABadSignature_isRefused() throws Exception {
        KeyPair deviceKeys = KeyType.EC.generate();
        var otherName = TestKeys.csr(deviceKeys, "bed-99");
        assertThatThrownBy(() -> DeviceIdentity.fromCsr(ca, oximeter("csr-2"), otherName, Validity.days(30)))
                .isInstanceOf(CertificateFileException.class).hasMessageContaining("not the thing name");

        var signedByAnotherKey = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                new org.bouncycastle.asn1.x500.X500Name("CN=csr-2"), deviceKeys.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                        .build(KeyType.EC.generate().getPrivate()));
        assertThatThrownBy(() -> DeviceIdentity.fromCsr(ca, oximeter("csr-2"), signedByAnotherKey, Validity.days(30)))
                .isInstanceOf(CertificateFileException.class).hasMessageContaining("signature is not valid");
    }

    @Test
    void deviceCertificate_mayNotOutliveTheCa() {
        assertThatThrownBy(() -> DeviceIdentity.issue(ca, oximeter("long-1"), KeyType.EC, Validity.days(4000)))
                .isInstanceOf(DeviceCertsException.class).hasMessageContaining("outlive the tenant CA");
    }

    @Test
    void issuedDevices_areListedByName_andAThingIsIssuedOnce() {
        TenantFiles files = new TenantFiles(out, TENANT);
        files.saveDevice(DeviceIdentity.issue(ca, oximeter("b-2"), KeyType.EC, Validity.days(30)));
        files.saveDevice(DeviceIdentity.issue(ca, oximeter("a-1"), KeyType.EC, Validity.days(30)));

        assertThat(files.issuedDevices()).extracting(ThingName::value).isEqualTo(List.of("a-1", "b-2"));
        assertThatThrownBy(() -> files.saveDevice(DeviceIdentity.issue(ca, oximeter("a-1"), KeyType.EC,
                Validity.days(30)))).isInstanceOf(DeviceStateException.class).hasMessageContaining("already issued");
    }

    @Test
    void devicePolicy_allowsConnectingAsItsOwnThingAndPublishingToItsOwnTopicOnly() {
        String policy = DevicePolicy.document("eu-west-2", "123456789012", TENANT);

        assertThat(policy).contains("\"iot:Connect\"", "\"iot:Publish\"")
                .contains("arn:aws:iot:eu-west-2:123456789012:client/${iot:Connection.Thing.ThingName}")
                .contains("arn:aws:iot:eu-west-2:123456789012:topic/tenants/ca-test/devices/"
                        + "${iot:Connection.Thing.ThingName}/telemetry")
                .doesNotContain("iot:Subscribe", "iot:Receive", "*", "{region}", "{account}", "{tenant}");
        assertThat(policy.split("\"Effect\"", -1)).hasSize(3);
    }
}
