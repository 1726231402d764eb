package org.wardwatch.devicecerts;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/** PEM text of certificates, PKCS#8 private keys (optionally encrypted) and CSRs. Never logs what it reads. */
public final class Pem {

    /** PBKDF2 iterations for an encrypted CA key: slow enough to hurt guessing, fast enough for a CLI. */
    private static final int KEY_ENCRYPTION_ITERATIONS = 200_000;

    private Pem() {
    }

    public static String certificate(X509Certificate certificate) {
        return write(certificate);
    }

    /**
     * A private key as unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), re-encoded through BouncyCastle first so an
     * EC key always names its curve, whichever provider made it.
     */
    public static String privateKey(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(throughBouncyCastle(key), null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A private key as PKCS#8 encrypted with AES-256-CBC under PBKDF2-HMAC-SHA256 ({@code BEGIN ENCRYPTED PRIVATE KEY}). */
    public static String encryptedPrivateKey(PrivateKey key, char[] passphrase) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(KEY_ENCRYPTION_ITERATIONS)
                    .setRandom(BouncyCastle.RANDOM)
                    .setProvider(BouncyCastle.PROVIDER)
                    .setPassword(passphrase)
                    .build();
            return write(new JcaPKCS8Generator(throughBouncyCastle(key), encryptor).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot set up key encryption", e);
        }
    }

    public static X509Certificate readCertificate(Path file) {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (NoSuchFileException e) {
            throw new CertificateFileException("no certificate at " + file);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw new CertificateFileException("cannot read the certificate " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the PEM key file is encrypted (and so needs a passphrase). */
    public static boolean isEncryptedKey(Path file) {
        return parse(file) instanceof PKCS8EncryptedPrivateKeyInfo;
    }

    /**
     * Reads a PKCS#8 private key, decrypting it when it is encrypted.
     *
     * @param passphrase may be null for an unencrypted key
     */
    public static PrivateKey readPrivateKey(Path file, char[] passphrase) {
        Object parsed = parse(file);
        try {
            PrivateKeyInfo info;
            if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                if (passphrase == null || passphrase.length == 0) {
                    throw new PassphraseException("the key " + file + " is encrypted: give its passphrase "
                            + "(--passphrase-file FILE or the environment variable WARDWATCH_CA_PASSPHRASE)");
                }
                info = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(BouncyCastle.PROVIDER).build(passphrase));
            } else if (parsed instanceof PrivateKeyInfo plain) {
                info = plain;
            } else {
                throw new CertificateFileException(file + " is not a PKCS#8 private key");
            }
            return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPrivateKey(info);
        } catch (PKCSException e) {
            throw new PassphraseException("wrong passphrase for " + file);
        } catch (OperatorCreationException | IOException e) {
            throw new CertificateFileException("cannot read the key " + file + ": " + e.getMessage(), e);
        }
    }

    public static PKCS10CertificationRequest readCsr(Path file) {
        if (parse(file) instanceof PKCS10CertificationRequest csr) {
            return csr;
        }
        throw new CertificateFileException(file + " is not a PEM certificate signing request");
    }

    public static PKCS10CertificationRequest parseCsr(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
        } catch (IOException e) {
            // falls through to the one message below
        }
        throw new CertificateFileException("not a PEM certificate signing request");
    }

    /** Writes a CSR as PEM (used by devices and tests that make their own key). */
    public static String csr(PKCS10CertificationRequest csr) {
        return write(csr);
    }

    private static Object parse(Path file) {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            Object parsed = parser.readObject();
            if (parsed == null) {
                throw new CertificateFileException(file + " holds no PEM object");
            }
            return parsed;
        } catch (NoSuchFileException e) {
            throw new CertificateFileException("no such file: " + file);
        } catch (IOException e) {
            throw new CertificateFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey throughBouncyCastle(PrivateKey key) {
        if (key.getClass().getName().startsWith("org.bouncycastle.")) {
            return key;
        }
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), BouncyCastle.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot re-encode a " + key.getAlgorithm() + " key", e);
        }
    }

    private static String write(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
