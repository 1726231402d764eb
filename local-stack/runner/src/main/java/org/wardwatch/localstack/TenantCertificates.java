package org.wardwatch.localstack;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wardwatch.devicecerts.CaRegistration;
import org.wardwatch.devicecerts.DeviceIdentity;
import org.wardwatch.devicecerts.DeviceRegistry;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.devicecerts.IotRegistrar;
import org.wardwatch.devicecerts.KeyType;
import org.wardwatch.devicecerts.StoredDevice;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.devicecerts.Validity;
import org.wardwatch.localstack.tenant.LocalTenant;
import org.wardwatch.model.device.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * The tenant CA, created and registered in the emulated IoT registry through device-certs, and the devices it
 * issues: each declared device gets its key and certificate in the run's files and its thing in the registry.
 */
final class TenantCertificates {

    private final TenantFiles files;
    private final TenantCa ca;
    private final IotRegistrar registrar;
    private final CaRegistration caRegistration;
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    private TenantCertificates(TenantFiles files, TenantCa ca, IotRegistrar registrar,
                               CaRegistration caRegistration) {
        this.files = files;
        this.ca = ca;
        this.registrar = registrar;
        this.caRegistration = caRegistration;
    }

    /** Creates the tenant's CA, saves it under {@code certs} and registers it, as device-certs does. */
    static TenantCertificates register(LocalTenant tenant, Path certs, IotClient iot, DynamoDbClient dynamo) {
        TenantId tenantId = TenantId.of(tenant.tenantId());
        TenantFiles files = new TenantFiles(certs, tenantId);
        TenantCa ca = TenantCa.create(tenantId, KeyType.EC, Validity.days(365));
        files.saveCa(ca, null);
        IotRegistrar registrar = new IotRegistrar(iot, new DeviceRegistry(dynamo, tenant.devicesTable()));
        CaRegistration caRegistration = registrar.ensureCa(ca.certificate(), () -> ca);
        return new TenantCertificates(files, ca, registrar, caRegistration);
    }

    /** Issues a device's key and certificate from the tenant CA and registers it, as device-certs does. */
    LocalStack.Credentials declare(DeviceSpec spec) {
        DeviceIdentity identity = DeviceIdentity.issue(ca, spec, KeyType.EC, Validity.days(30));
        StoredDevice stored = files.saveDevice(identity);
        certificates.put(spec.thing().value(), identity.certificate());
        String certificateId = registrar.register(spec, identity.certificate(), ca.certificate(), caRegistration)
                .certificateId();
        return new LocalStack.Credentials(spec.thing().value(), stored.certificateFile(), stored.keyFile(),
                certificateId);
    }

    /**
     * Registers a declared device again at the place {@code spec} names, with the certificate it was issued:
     * device-certs' registration updates the thing's attributes and the devices table row, and leaves the
     * certificate, its attachments and the device's connection as they are.
     */
    void move(DeviceSpec spec) {
        X509Certificate certificate = certificates.get(spec.thing().value());
        if (certificate == null) {
            throw new IllegalArgumentException("device " + spec.thing() + " was not declared");
        }
        registrar.register(spec, certificate, ca.certificate(), caRegistration);
    }

    TenantFiles files() {
        return files;
    }

    TenantCa ca() {
        return ca;
    }

    IotRegistrar registrar() {
        return registrar;
    }
}
