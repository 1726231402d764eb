package org.wardwatch.devicecerts;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A device's identity: what it is, its certificate from the tenant CA and, unless the device made its own key and
 * sent a CSR, its private key.
 *
 * @param privateKey null when the certificate was issued from the device's CSR
 */
public record DeviceIdentity(DeviceSpec spec, X509Certificate certificate, PrivateKey privateKey) {

    /** A new key pair of the given type and a certificate for it. */
    public static DeviceIdentity issue(TenantCa ca, DeviceSpec spec, KeyType keyType, Validity validity) {
        requireSameTenant(ca, spec);
        KeyPair keys = keyType.generate();
        X509Certificate certificate = ca.issueDeviceCertificate(spec.thing(), keys.getPublic(), validity);
        return new DeviceIdentity(spec, certificate, keys.getPrivate());
    }

    /** A certificate for the key in the device's CSR; the key stays on the device. */
    public static DeviceIdentity fromCsr(TenantCa ca, DeviceSpec spec, PKCS10CertificationRequest csr,
                                         Validity validity) {
        requireSameTenant(ca, spec);
        return new DeviceIdentity(spec, ca.signCsr(spec.thing(), csr, validity), null);
    }

    public Optional<PrivateKey> privateKeyIfHeld() {
        return Optional.ofNullable(privateKey);
    }

    private static void requireSameTenant(TenantCa ca, DeviceSpec spec) {
        if (!ca.tenant().equals(spec.tenant())) {
            throw new InvalidDeviceException("device of tenant " + spec.tenant() + " cannot get a certificate from the CA of "
                    + ca.tenant());
        }
    }

    @Override
    public String toString() {
        // never the key
        return "DeviceIdentity[" + spec.thing() + ", serial " + certificate.getSerialNumber().toString(16) + "]";
    }
}
