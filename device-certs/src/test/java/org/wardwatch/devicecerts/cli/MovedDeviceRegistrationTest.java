package org.wardwatch.devicecerts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.devicecerts.CaRegistration;
import org.wardwatch.devicecerts.DeviceIdentity;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.devicecerts.EmulatedAws;
import org.wardwatch.devicecerts.KeyType;
import org.wardwatch.devicecerts.Registration;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.Validity;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A device moved to another bed keeps its thing and certificate; registering it again through the clients the
 * command line builds updates the thing (IoT's UpdateThing, an HTTP PATCH) and the devices table. Against moto.
 */
class MovedDeviceRegistrationTest {

    private static final TenantId TENANT = EmulatedAws.uniqueTenant("move");
    private static final ThingName THING = ThingName.of("icu-bed-12-spo2");

    @Test
    void registeringAMovedDeviceAgain_putsItsNewBedOnTheThingAndInTheDevicesTable() {
        try (EmulatedAws aws = new EmulatedAws()) {
            aws.createDevicesTable(TenantNames.of(TENANT).devicesTable());
            TenantCa ca = TenantCa.create(TENANT, KeyType.EC, Validity.days(365));
            DeviceSpec atBed12 = new DeviceSpec(TENANT, THING, DeviceKind.PULSE_OXIMETER, "icu", "12", null);
            DeviceSpec atBed14 = new DeviceSpec(TENANT, THING, DeviceKind.PULSE_OXIMETER, "icu", "14", null);
            X509Certificate certificate = DeviceIdentity.issue(ca, atBed12, KeyType.EC, Validity.days(30))
                    .certificate();
            AwsOptions options = new AwsOptions();
            options.endpoint = aws.endpoint;

            Registration moved;
            try (AwsOptions.Clients clients = options.connect(TENANT)) {
                CaRegistration registered = clients.registrar.ensureCa(ca.certificate(), () -> ca);
                clients.registrar.register(atBed12, certificate, ca.certificate(), registered);
                moved = clients.registrar.register(atBed14, certificate, ca.certificate(), registered);
            }

            assertThat(moved.changes()).contains("thing attributes updated");
            assertThat(aws.iot.describeThing(b -> b.thingName(THING.value())).attributes())
                    .containsEntry("ward", "icu").containsEntry("bed", "14");
            assertThat(aws.dynamo.getItem(b -> b.tableName(TenantNames.of(TENANT).devicesTable())
                    .key(Map.of("thingName", AttributeValue.fromS(THING.value())))).item())
                    .containsEntry("bed", AttributeValue.fromS("14"))
                    .containsEntry("status", AttributeValue.fromS("ACTIVE"));
        }
    }
}
