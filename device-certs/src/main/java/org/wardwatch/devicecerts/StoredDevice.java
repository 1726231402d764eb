package org.wardwatch.devicecerts;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.wardwatch.model.device.ThingName;

/**
 * A device as issued into the tenant's output directory, with what registration recorded about it.
 *
 * @param keyFile               null when the certificate was issued from the device's own CSR
 * @param certificateId         the AWS IoT certificate id once registered, else null
 * @param previousCertificate   the certificate being rotated out, while a rotation is pending, else null
 * @param previousCertificateId its AWS IoT id, while a rotation is pending, else null
 */
public record StoredDevice(DeviceSpec spec, Path dir, Path certificateFile, X509Certificate certificate, Path keyFile,
                           String certificateId, X509Certificate previousCertificate, String previousCertificateId,
                           boolean revoked) {

    public ThingName thing() {
        return spec.thing();
    }

    public Optional<String> certificateIdIfRegistered() {
        return Optional.ofNullable(certificateId);
    }

    public boolean rotationPending() {
        return previousCertificate != null;
    }
}
