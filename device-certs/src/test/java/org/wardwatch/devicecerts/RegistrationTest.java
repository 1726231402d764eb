package org.wardwatch.devicecerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.Policy;

/** register, revoke and rotate through the command line, against moto's IoT and DynamoDB. */
class RegistrationTest {

    private static final TenantId TENANT = EmulatedAws.uniqueTenant("reg");
    private static final String TABLE = TenantNames.of(TENANT).devicesTable();
    private static final String POLICY = TenantNames.of(TENANT).devicePolicy();

    @TempDir
    static Path out;

    private static EmulatedAws aws;

    @BeforeAll
    static void tenantWithCaAndTable() {
        aws = new EmulatedAws();
        aws.createDevicesTable(TABLE);
        assertThat(certs("ca", "create").exitCode()).isZero();
    }

    @AfterAll
    static void closeClients() {
        aws.close();
    }

    /** Runs certs with this tenant, output directory and the emulator's endpoint. */
    private static CliRun certs(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--tenant", TENANT.value(), "--out", out.toString()));
        if (!args[0].equals("ca") && !args[0].startsWith("issue")) {
            all.addAll(List.of("--endpoint-url", aws.endpoint.toString()));
        }
        return CliRun.certs(all.toArray(String[]::new));
    }

    private static void issue(String thing, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("issue", "--thing", thing));
        args.addAll(List.of(more));
        CliRun run = certs(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static CliRun register(String thing) {
        CliRun run = certs("register", "--thing", thing);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private CertificateDescription certificate(String id) {
        return aws.iot.describeCertificate(b -> b.certificateId(id)).certificateDescription();
    }

    private List<String> principals(String thing) {
        return aws.iot.listThingPrincipals(b -> b.thingName(thing)).principals();
    }

    private List<String> policies(String certificateArn) {
        return aws.iot.listAttachedPolicies(b -> b.target(certificateArn)).policies().stream()
                .map(Policy::policyName).toList();
    }

    private Map<String, AttributeValue> row(String thing) {
        return aws.dynamo.getItem(b -> b.tableName(TABLE)
                .key(Map.of("thingName", AttributeValue.fromS(thing)))).item();
    }

    private StoredDevice stored(String thing) {
        return new TenantFiles(out, TENANT).device(ThingName.of(thing));
    }

    @Test
    void register_putsCaCertificateThingPolicyAndRegistryItemInPlace() {
        issue("ward-7-bed-12-spo2", "--kind", "pulse_oximeter", "--ward", "ward-7", "--bed", "12");

        CliRun run = register("ward-7-bed-12-spo2");

        String id = stored("ward-7-bed-12-spo2").certificateId();
        CertificateDescription certificate = certificate(id);
        assertThat(run.out()).contains("registered ACTIVE", "thing created", "policy " + POLICY + " attached");
        assertThat(certificate.status()).isEqualTo(CertificateStatus.ACTIVE);
        CaRegistration ca = new IotRegistrar(aws.iot, null)
                .findCa(new TenantFiles(out, TENANT).caCertificate()).orElseThrow();
        assertThat(run.out()).startsWith("CA " + ca.certificateId());
        assertThat(aws.iot.describeCACertificate(b -> b.certificateId(ca.certificateId()))
                .certificateDescription().statusAsString()).isEqualTo("ACTIVE");
        assertThat(aws.iot.listCertificatesByCA(b -> b.caCertificateId(ca.certificateId())).certificates())
                .extracting(c -> c.certificateId()).contains(id);
        assertThat(aws.iot.describeThing(b -> b.thingName("ward-7-bed-12-spo2")).attributes()).isEqualTo(Map.of(
                "tenant", TENANT.value(), "kind", "pulse_oximeter", "ward", "ward-7", "bed", "12"));
        // four attributes: AWS IoT allows a thing more than three only when it has a thing type
        assertThat(aws.iot.describeThing(b -> b.thingName("ward-7-bed-12-spo2")).thingTypeName())
                .isEqualTo("wardwatch-" + TENANT.value() + "-device");
        assertThat(aws.iot.describeThingType(b -> b.thingTypeName("wardwatch-" + TENANT.value() + "-device"))
                .thingTypeName()).isNotNull();
        assertThat(principals("ward-7-bed-12-spo2")).containsExactly(certificate.certificateArn());
        assertThat(policies(certificate.certificateArn())).containsExactly(POLICY);
        assertThat(aws.iot.getPolicy(b -> b.policyName(POLICY)).policyDocument().replaceAll("\\s", ""))
                .isEqualTo(DevicePolicy.document("eu-west-2", "123456789012", TENANT).replaceAll("\\s", ""));
        assertThat(row("ward-7-bed-12-spo2")).containsEntry("status", AttributeValue.fromS("ACTIVE"))
                .containsEntry("certificateId", AttributeValue.fromS(id))
                .containsEntry("tenantId", AttributeValue.fromS(TENANT.value()))
                .containsEntry("kind", AttributeValue.fromS("pulse_oximeter"))
                .containsEntry("ward", AttributeValue.fromS("ward-7"))
                .containsEntry("bed", AttributeValue.fromS("12"))
                .doesNotContainKey("storageProfile");
    }

    @Test
    void registeringTwice_changesNothing() {
        issue("fridge-1", "--kind", "storage_sensor", "--ward", "pharmacy", "--storage-profile", "vaccine_fridge");
        register("fridge-1");
        String id = stored("fridge-1").certificateId();
        long thingVersion = aws.iot.describeThing(b -> b.thingName("fridge-1")).version();
        int certificates = aws.iot.listCertificates(b -> { }).certificates().size();
        Map<String, AttributeValue> item = row("fridge-1");

        CliRun again = register("fridge-1");

        assertThat(again.out()).contains("CA ", "already registered", "fridge-1: unchanged (certificate " + id);
        assertThat(stored("fridge-1").certificateId()).isEqualTo(id);
        assertThat(aws.iot.describeThing(b -> b.thingName("fridge-1")).version()).isEqualTo(thingVersion);
        assertThat(aws.iot.listCertificates(b -> { }).certificates()).hasSize(certificates);
        assertThat(aws.iot.listThings(b -> { }).things()).filteredOn(t -> t.thingName().equals("fridge-1")).hasSize(1);
        assertThat(principals("fridge-1")).hasSize(1);
        assertThat(policies(certificate(id).certificateArn())).containsExactly(POLICY);
        assertThat(row("fridge-1")).isEqualTo(item)
                .containsEntry("storageProfile", AttributeValue.fromS("vaccine_fridge"));
    }

    @Test
    void revoke_revokesAndDetachesTheCertificate_andMarksTheDeviceInactive() {
        issue("bed-3-bp", "--kind", "bp_monitor", "--ward", "ward-2", "--bed", "3");
        register("bed-3-bp");
        String id = stored("bed-3-bp").certificateId();
        String arn = certificate(id).certificateArn();

        CliRun run = certs("revoke", "--thing", "bed-3-bp");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(certificate(id).status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(principals("bed-3-bp")).isEmpty();
        assertThat(policies(arn)).isEmpty();
        assertThat(row("bed-3-bp")).containsEntry("status", AttributeValue.fromS("INACTIVE"));

        assertThat(certs("revoke", "--thing", "bed-3-bp").out()).contains("unchanged");
        CliRun reRegister = certs("register", "--thing", "bed-3-bp");
        assertThat(reRegister.exitCode()).isEqualTo(1);
        assertThat(reRegister.err()).startsWith("error: bed-3-bp is revoked");
    }

    @Test
    void rotate_addsANewCertificateWhileTheOldStaysActive_andFinishRetiresTheOld() throws Exception {
        issue("bed-9-ecg", "--kind", "cardiac_monitor", "--ward", "icu", "--bed", "9");
        register("bed-9-ecg");
        String oldId = stored("bed-9-ecg").certificateId();
        String oldArn = certificate(oldId).certificateArn();

        CliRun rotate = certs("rotate", "--thing", "bed-9-ecg");

        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        StoredDevice rotating = stored("bed-9-ecg");
        String newId = rotating.certificateId();
        String newArn = certificate(newId).certificateArn();
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(rotating.previousCertificateId()).isEqualTo(oldId);
        assertThat(Files.exists(rotating.dir().resolve("previous").resolve("bed-9-ecg-private.pem.key"))).isTrue();
        assertThat(certificate(oldId).status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(certificate(newId).status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(principals("bed-9-ecg")).containsExactlyInAnyOrder(oldArn, newArn);
        assertThat(policies(newArn)).containsExactly(POLICY);
        assertThat(row("bed-9-ecg")).containsEntry("certificateId", AttributeValue.fromS(newId))
                .containsEntry("previousCertificateId", AttributeValue.fromS(oldId));
        assertThat(certs("rotate", "--thing", "bed-9-ecg").err()).contains("already has a rotation pending");

        CliRun finish = certs("rotate", "--thing", "bed-9-ecg", "--finish");

        assertThat(finish.exitCode()).as(finish.err()).isZero();
        assertThat(certificate(oldId).status()).isEqualTo(CertificateStatus.INACTIVE);
        assertThat(certificate(newId).status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(principals("bed-9-ecg")).containsExactly(newArn);
        assertThat(policies(oldArn)).isEmpty();
        assertThat(row("bed-9-ecg")).containsEntry("certificateId", AttributeValue.fromS(newId))
                .containsEntry("status", AttributeValue.fromS("ACTIVE"))
                .doesNotContainKey("previousCertificateId");
        assertThat(stored("bed-9-ecg").rotationPending()).isFalse();
        assertThat(Files.exists(rotating.dir().resolve("previous"))).isFalse();
        assertThat(register("bed-9-ecg").out()).contains("bed-9-ecg: unchanged");
    }

    @Test
    void registerAll_registersEveryIssuedDevice_andBundleHasWhatADeviceNeeds() throws Exception {
        issue("bed-20-watch", "--kind", "smartwatch", "--ward", "ward-5", "--bed", "20");
        issue("bed-21-gluc", "--kind", "glucose_meter", "--ward", "ward-5", "--bed", "21");

        CliRun all = certs("register", "--all");

        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(row("bed-20-watch")).containsEntry("status", AttributeValue.fromS("ACTIVE"));
        assertThat(row("bed-21-gluc")).containsEntry("status", AttributeValue.fromS("ACTIVE"));

        CliRun bundle = certs("bundle", "--thing", "bed-20-watch");

        assertThat(bundle.exitCode()).as(bundle.err()).isZero();
        Path dir = out.resolve(TENANT.value()).resolve("bundles").resolve("bed-20-watch");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder(
                    "bed-20-watch-certificate.pem.crt", "bed-20-watch-private.pem.key", "connection.json");
        }
        assertThat(Files.readString(dir.resolve("connection.json")))
                .contains("\"clientId\": \"bed-20-watch\"")
                .contains("\"topic\": \"tenants/" + TENANT.value() + "/devices/bed-20-watch/telemetry\"")
                .contains("\"port\": 8883");
    }

    @Test
    void javaApi_registersADeviceWithoutTheCommandLine() {
        TenantFiles files = new TenantFiles(out, TENANT);
        TenantCa ca = files.loadCa(null);
        DeviceSpec spec = new DeviceSpec(TENANT, ThingName.of("api-bed-1-temp"), DeviceKind.THERMOMETER,
                "ward-1", "1", null);
        StoredDevice device = files.saveDevice(DeviceIdentity.issue(ca, spec, KeyType.EC, Validity.days(30)));
        IotRegistrar registrar = new IotRegistrar(aws.iot, new DeviceRegistry(aws.dynamo, TABLE));

        CaRegistration registered = registrar.ensureCa(ca.certificate(), () -> ca);
        Registration first = registrar.register(spec, device.certificate(), ca.certificate(), registered);
        Registration second = registrar.register(spec, device.certificate(), ca.certificate(), registered);

        assertThat(first.changes()).contains("thing created", "certificate attached to thing");
        assertThat(second.changed()).isFalse();
        assertThat(second.certificateId()).isEqualTo(first.certificateId());
        assertThat(certificate(first.certificateId()).status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(row("api-bed-1-temp")).containsEntry("certificateId", AttributeValue.fromS(first.certificateId()));
    }

    @Test
    void missingDevicesTable_isOneClearError() {
        issue("bed-30-temp", "--kind", "thermometer");

        CliRun run = certs("register", "--thing", "bed-30-temp", "--devices-table", "no-such-table");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("error: the devices table 'no-such-table' does not exist "
                + "(name it with --devices-table or WARDWATCH_DEVICES_TABLE)");
    }
}
