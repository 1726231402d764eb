package org.wardwatch.devicecerts;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;

/**
 * A tenant's device CA: the certificate AWS IoT is told to trust for this hospital, and its key, which signs device
 * certificates. The CA may sign end-entity certificates only (path length 0).
 */
public final class TenantCa {

    private final TenantId tenant;
    private final PrivateKey key;
    private final X509Certificate certificate;

    private TenantCa(TenantId tenant, PrivateKey key, X509Certificate certificate) {
        this.tenant = tenant;
        this.key = key;
        this.certificate = certificate;
    }

    /** A new self-signed CA for the tenant. */
    public static TenantCa create(TenantId tenant, KeyType keyType, Validity validity) {
        KeyPair keys = keyType.generate();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "wardwatch")
                .addRDN(BCStyle.OU, "tenant " + tenant.value())
                .addRDN(BCStyle.CN, "wardwatch " + tenant.value() + " device CA")
                .build();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                    Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new TenantCa(tenant, keys.getPrivate(), sign(builder, keys.getPrivate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot create the CA certificate", e);
        }
    }

    /** A CA loaded from its files; the key must belong to the certificate. */
    public static TenantCa of(TenantId tenant, PrivateKey key, X509Certificate certificate) {
        Objects.requireNonNull(key, "key");
        if (!matches(key, certificate)) {
            throw new CertificateFileException("the CA key does not belong to the CA certificate of " + tenant);
        }
        return new TenantCa(tenant, key, certificate);
    }

    public TenantId tenant() {
        return tenant;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA's private key, for writing it to its file; never log it. */
    public PrivateKey privateKey() {
        return key;
    }

    /** A device certificate: CN = thing name, client authentication only, signed by this CA. */
    public X509Certificate issueDeviceCertificate(ThingName thing, PublicKey devicePublicKey, Validity validity) {
        checkAcceptable(devicePublicKey);
        if (validity.notAfter().isAfter(certificate.getNotAfter().toInstant())) {
            throw new DeviceCertsException("a certificate valid until " + validity.notAfter()
                    + " would outlive the tenant CA (valid until " + certificate.getNotAfter().toInstant()
                    + "): use fewer --days or a new CA");
        }
        return issue(deviceSubject(thing), devicePublicKey, validity, KeyPurposeId.id_kp_clientAuth);
    }

    /**
     * Signs a device's own CSR, so the device never gives up its key. The CSR's signature must be valid, and a CN in
     * it, if any, must be the thing name; the certificate's subject is ours either way.
     */
    public X509Certificate signCsr(ThingName thing, PKCS10CertificationRequest csr, Validity validity) {
        try {
            JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(csr)
                    .setProvider(BouncyCastle.PROVIDER);
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER).build(request.getSubjectPublicKeyInfo()))) {
                throw new CertificateFileException("the CSR's signature is not valid");
            }
            for (RDN cn : csr.getSubject().getRDNs(BCStyle.CN)) {
                String name = IETFUtils.valueToString(cn.getFirst().getValue());
                if (!name.equals(thing.value())) {
                    throw new CertificateFileException("the CSR's CN '" + DeviceNames.printable(name)
                            + "' is not the thing name '" + thing + "'");
                }
            }
            return issueDeviceCertificate(thing, request.getPublicKey(), validity);
        } catch (OperatorCreationException | PKCSException | GeneralSecurityException e) {
            throw new CertificateFileException("cannot verify the CSR: " + e.getMessage(), e);
        }
    }

    /**
     * The verification certificate AWS IoT asks for when a CA is registered: CN = the account's registration code,
     * proving we hold this CA's key.
     */
    public X509Certificate verificationCertificate(String registrationCode, Validity validity) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, registrationCode).build();
        return issue(subject, KeyType.EC.generate().getPublic(), validity, null);
    }

    /** Package-private so tests can make wrong-purpose certificates from a real tenant CA. */
    X509Certificate issue(X500Name subject, PublicKey publicKey, Validity validity, KeyPurposeId purpose) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serialNumber(),
                    Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            return sign(builder, key);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate", e);
        }
    }

    private X500Name deviceSubject(ThingName thing) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "wardwatch")
                .addRDN(BCStyle.OU, "tenant " + tenant.value())
                .addRDN(BCStyle.CN, thing.value())
                .build();
    }

    /** AWS IoT accepts RSA of 2048 bits or more and EC on P-256 or P-384 for device certificates. */
    private static void checkAcceptable(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048) {
            return;
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits == 256 || bits == 384) {
                return;
            }
        }
        throw new CertificateFileException("unsupported device key (" + key.getAlgorithm()
                + "): use EC P-256/P-384 or RSA 2048 or more");
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) {
        try {
            var contentSigner = new JcaContentSignerBuilder(KeyType.signatureAlgorithm(signer))
                    .setProvider(BouncyCastle.PROVIDER).build(signer);
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        try {
            var signer = new JcaContentSignerBuilder(KeyType.signatureAlgorithm(key))
                    .setProvider(BouncyCastle.PROVIDER).build(key);
            byte[] probe = "wardwatch key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            signer.getOutputStream().write(probe);
            byte[] signature = signer.getSignature();
            var verifier = new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER)
                    .build(certificate).get(signer.getAlgorithmIdentifier());
            verifier.getOutputStream().write(probe);
            return verifier.verify(signature);
        } catch (Exception e) {
            return false;
        }
    }

    private static BigInteger serialNumber() {
        // 159 random bits: positive, unique, and within RFC 5280's 20 octets
        return new BigInteger(159, BouncyCastle.RANDOM).setBit(150);
    }
}
