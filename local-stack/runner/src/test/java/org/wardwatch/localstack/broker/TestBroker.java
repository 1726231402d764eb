package org.wardwatch.localstack.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.wardwatch.devicecerts.DeviceIdentity;
import org.wardwatch.devicecerts.DevicePolicy;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.devicecerts.KeyType;
import org.wardwatch.devicecerts.Pem;
import org.wardwatch.devicecerts.StoredDevice;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.devicecerts.Validity;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

/**
 * Only what the broker needs: the IoT registry in moto (the tenant's device policy, things, certificates) and the
 * broker over mutual TLS trusting the tenant CA. Every publish it hands on is passed to {@code listener}.
 */
final class TestBroker implements AutoCloseable {

    static final String REGION = "eu-west-2";
    static final String ACCOUNT = "123456789012";
    static final TenantId TENANT = TenantId.of("broker-hospital");

    /** A device's files and its certificate in the registry. */
    record Device(String thing, Path certificate, Path key, String certificateId, String certificateArn) {
    }

    final IotClient iot;
    final IotBroker broker;
    final BrokerTls tls;
    private final TenantCa ca;
    private final TenantFiles files;
    private final Path directory;

    TestBroker(Path directory, PublishListener listener) throws Exception {
        this(directory, listener, MotoServer::freePort);
    }

    /** The same, with the broker's port picked from {@code ports}. */
    TestBroker(Path directory, PublishListener listener, IntSupplier ports) throws Exception {
        this.directory = directory;
        iot = IotClient.builder().endpointOverride(MotoServer.shared().endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        ca = TenantCa.create(TENANT, KeyType.EC, Validity.days(2));
        files = new TenantFiles(directory.resolve("certs"), TENANT);
        files.saveCa(ca, null);
        String policy = TenantNames.of(TENANT).devicePolicy();
        if (iot.listPolicies().policies().stream().noneMatch(p -> p.policyName().equals(policy))) {
            iot.createPolicy(b -> b.policyName(policy).policyDocument(DevicePolicy.document(REGION, ACCOUNT, TENANT)));
        }
        tls = BrokerTls.create(directory.resolve("broker"), List.of(ca.certificate()));
        broker = IotBroker.start(directory.resolve("broker"), tls, new IotRegistryView(iot), listener, ports);
    }

    /** Issues {@code thing}'s certificate from the tenant CA and registers it: ACTIVE, on the thing, with the policy. */
    Device declare(String thing) {
        return register(ca, files, thing);
    }

    /** The same, but the certificate is issued by {@code issuer}, another CA the broker does not trust. */
    Device declareIssuedBy(TenantCa issuer, String thing) throws Exception {
        TenantFiles other = new TenantFiles(Files.createDirectories(directory.resolve("foreign-" + thing)),
                issuer.tenant());
        return register(issuer, other, thing);
    }

    private Device register(TenantCa issuer, TenantFiles store, String thing) {
        DeviceSpec spec = new DeviceSpec(issuer.tenant(), ThingName.of(thing), DeviceKind.PULSE_OXIMETER, "ICU-3", "1",
                null);
        StoredDevice stored = store.saveDevice(DeviceIdentity.issue(issuer, spec, KeyType.EC, Validity.days(1)));
        var registered = iot.registerCertificateWithoutCA(b -> b.certificatePem(Pem.certificate(stored.certificate()))
                .status(CertificateStatus.ACTIVE));
        iot.createThing(b -> b.thingName(thing));
        iot.attachThingPrincipal(b -> b.thingName(thing).principal(registered.certificateArn()));
        iot.attachPolicy(b -> b.policyName(TenantNames.of(TENANT).devicePolicy()).target(registered.certificateArn()));
        return new Device(thing, stored.certificateFile(), stored.keyFile(), registered.certificateId(),
                registered.certificateArn());
    }

    /** Attaches a second policy with {@code document} to the device's certificate. */
    void attachPolicy(Device device, String name, String document) {
        iot.createPolicy(b -> b.policyName(name).policyDocument(document));
        iot.attachPolicy(b -> b.policyName(name).target(device.certificateArn()));
    }

    void setStatus(Device device, CertificateStatus status) {
        iot.updateCertificate(b -> b.certificateId(device.certificateId()).newStatus(status));
    }

    String telemetryTopic(String thing) {
        return TenantNames.of(TENANT).telemetryTopic(thing);
    }

    String arn(String resource) {
        return "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":" + resource;
    }

    DeviceConnection connect(Device device) throws DeviceConnection.RefusedException {
        return connect(device, device.thing(), message -> { }, null);
    }

    DeviceConnection connect(Device device, String clientId, Consumer<DeviceConnection.Received> received,
                             DeviceConnection.Will will) throws DeviceConnection.RefusedException {
        return DeviceConnection.connect(broker.host(), broker.port(), tls.brokerCaPem(), device.certificate(),
                device.key(), clientId, Duration.ofSeconds(15), received, will);
    }

    /** mosquitto_pub / mosquitto_sub against this broker as {@code device}. */
    Mosquitto mosquitto(Device device) {
        return new Mosquitto(broker.host(), broker.port(), tls.brokerCaPem(), device.certificate(), device.key());
    }

    @Override
    public void close() {
        broker.close();
        iot.close();
    }
}
