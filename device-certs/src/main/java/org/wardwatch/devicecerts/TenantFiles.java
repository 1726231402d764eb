package org.wardwatch.devicecerts;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;

/**
 * A tenant's files under the output directory (outside version control):
 *
 * <pre>
 * &lt;out&gt;/&lt;tenant&gt;/ca/ca-certificate.pem.crt       the tenant CA
 * &lt;out&gt;/&lt;tenant&gt;/ca/ca-private.pem.key          its key, owner-read-only, optionally encrypted
 * &lt;out&gt;/&lt;tenant&gt;/devices/&lt;thing&gt;/device.properties            kind, place, registration state
 * &lt;out&gt;/&lt;tenant&gt;/devices/&lt;thing&gt;/&lt;thing&gt;-certificate.pem.crt
 * &lt;out&gt;/&lt;tenant&gt;/devices/&lt;thing&gt;/&lt;thing&gt;-private.pem.key   absent when issued from a CSR
 * &lt;out&gt;/&lt;tenant&gt;/devices/&lt;thing&gt;/previous/                   the certificate being rotated out
 * </pre>
 *
 * File names follow AWS IoT's download names. A device directory appears whole (written aside, then renamed), so an
 * interrupted batch never leaves a half-issued device behind.
 */
public final class TenantFiles {

    private static final String PROPERTIES = "device.properties";
    private static final String PREVIOUS = "previous";

    private final TenantId tenant;
    private final Path dir;

    public TenantFiles(Path outRoot, TenantId tenant) {
        this.tenant = tenant;
        this.dir = outRoot.resolve(tenant.value());
    }

    public TenantId tenant() {
        return tenant;
    }

    public Path dir() {
        return dir;
    }

    public Path caCertificateFile() {
        return dir.resolve("ca").resolve("ca-certificate.pem.crt");
    }

    public Path caKeyFile() {
        return dir.resolve("ca").resolve("ca-private.pem.key");
    }

    public boolean hasCa() {
        return Files.exists(caCertificateFile()) || Files.exists(caKeyFile());
    }

    /** Writes a new CA; refuses to replace an existing one (every device certificate depends on it). */
    public void saveCa(TenantCa ca, char[] passphrase) {
        if (hasCa()) {
            throw new DeviceStateException("tenant " + tenant + " already has a CA in " + caCertificateFile().getParent()
                    + "; not replacing it");
        }
        FilePermissions.privateDirectories(caKeyFile().getParent());
        String key = passphrase == null || passphrase.length == 0
                ? Pem.privateKey(ca.privateKey())
                : Pem.encryptedPrivateKey(ca.privateKey(), passphrase);
        FilePermissions.writeSecret(caKeyFile(), key);
        FilePermissions.writePublic(caCertificateFile(), Pem.certificate(ca.certificate()));
    }

    public X509Certificate caCertificate() {
        requireCa();
        return Pem.readCertificate(caCertificateFile());
    }

    public boolean caKeyEncrypted() {
        requireCa();
        return Pem.isEncryptedKey(caKeyFile());
    }

    /** The CA with its key; the passphrase may be null for an unencrypted key. */
    public TenantCa loadCa(char[] passphrase) {
        requireCa();
        PrivateKey key = Pem.readPrivateKey(caKeyFile(), passphrase);
        return TenantCa.of(tenant, key, Pem.readCertificate(caCertificateFile()));
    }

    private void requireCa() {
        if (!Files.exists(caCertificateFile()) || !Files.exists(caKeyFile())) {
            throw new CaNotFoundException("tenant " + tenant + " has no CA in " + caCertificateFile().getParent()
                    + ": create it with 'certs ca create --tenant " + tenant + "'");
        }
    }

    public Path deviceDir(ThingName thing) {
        return dir.resolve("devices").resolve(thing.value());
    }

    public Path certificateFile(ThingName thing) {
        return deviceDir(thing).resolve(thing.value() + "-certificate.pem.crt");
    }

    public Path keyFile(ThingName thing) {
        return deviceDir(thing).resolve(thing.value() + "-private.pem.key");
    }

    public boolean isIssued(ThingName thing) {
        return Files.isRegularFile(deviceDir(thing).resolve(PROPERTIES));
    }

    /** Refuses a thing that is already issued, before any key is made for it. */
    public void requireNotIssued(ThingName thing) {
        if (isIssued(thing)) {
            throw alreadyIssued(thing);
        }
    }

    /** Writes a newly issued device; refuses if the thing is already issued. */
    public StoredDevice saveDevice(DeviceIdentity identity) {
        ThingName thing = identity.spec().thing();
        if (isIssued(thing)) {
            throw alreadyIssued(thing);
        }
        Path devices = FilePermissions.privateDirectories(deviceDir(thing).getParent());
        Path staging = FilePermissions.privateDirectories(devices.resolve(".staging-" + thing + "-" + UUID.randomUUID()));
        try {
            writeIdentity(staging, identity);
            writeProperties(staging, identity.spec(), keyDescription(identity), null, null, false);
            try {
                Files.move(staging, deviceDir(thing), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                throw alreadyIssued(thing);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move " + staging + " into place", e);
            }
        } finally {
            deleteTree(staging);
        }
        return device(thing);
    }

    /** The issued device, as stored. */
    public StoredDevice device(ThingName thing) {
        Path deviceDir = deviceDir(thing);
        if (!isIssued(thing)) {
            throw new DeviceStateException(thing + " is not issued for tenant " + tenant + " (no " + deviceDir
                    + "): run 'certs issue' first");
        }
        Properties p = readProperties(deviceDir.resolve(PROPERTIES));
        DeviceSpec spec = new DeviceSpec(tenant, thing, DeviceNames.kind(p.getProperty("kind")),
                p.getProperty("ward"), p.getProperty("bed"),
                p.getProperty("storageProfile") == null ? null : DeviceNames.storageProfile(p.getProperty("storageProfile")),
                p.getProperty("room"), p.getProperty("isolation"));
        Path key = keyFile(thing);
        Path previousDir = deviceDir.resolve(PREVIOUS);
        X509Certificate previous = Files.isDirectory(previousDir)
                ? Pem.readCertificate(previousDir.resolve(thing.value() + "-certificate.pem.crt")) : null;
        return new StoredDevice(spec, deviceDir, certificateFile(thing), Pem.readCertificate(certificateFile(thing)),
                Files.exists(key) ? key : null, p.getProperty("certificateId"), previous,
                p.getProperty("previousCertificateId"), Boolean.parseBoolean(p.getProperty("revoked")));
    }

    /** The things issued for this tenant, by name. */
    public List<ThingName> issuedDevices() {
        Path devices = dir.resolve("devices");
        if (!Files.isDirectory(devices)) {
            return List.of();
        }
        List<ThingName> things = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(devices)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(entry.resolve(PROPERTIES))) {
                    things.add(DeviceNames.thing(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + devices, e);
        }
        things.sort(Comparator.comparing(ThingName::value));
        return things;
    }

    /** Records the AWS IoT certificate id of the device's current certificate. */
    public StoredDevice recordRegistration(StoredDevice device, String certificateId) {
        writeProperties(device.dir(), device.spec(), readProperties(device.dir().resolve(PROPERTIES)).getProperty("key"),
                certificateId, device.previousCertificateId(), device.revoked());
        return device(device.thing());
    }

    public StoredDevice recordRevocation(StoredDevice device) {
        writeProperties(device.dir(), device.spec(), readProperties(device.dir().resolve(PROPERTIES)).getProperty("key"),
                device.certificateId(), device.previousCertificateId(), true);
        return device(device.thing());
    }

    /**
     * Starts a rotation: the current certificate and key move to {@code previous/}, the new identity takes their
     * place. The new certificate is unregistered until {@link #recordRegistration} is called.
     */
    public StoredDevice beginRotation(StoredDevice current, DeviceIdentity next) {
        if (current.rotationPending()) {
            throw new DeviceStateException(current.thing() + " already has a rotation pending: finish it with "
                    + "'certs rotate --finish' first");
        }
        Path previous = FilePermissions.privateDirectories(current.dir().resolve(PREVIOUS));
        try {
            Files.move(current.certificateFile(), previous.resolve(current.certificateFile().getFileName()));
            if (current.keyFile() != null) {
                Files.move(current.keyFile(), previous.resolve(current.keyFile().getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the current certificate of " + current.thing() + " aside", e);
        }
        writeIdentity(current.dir(), next);
        writeProperties(current.dir(), current.spec(), keyDescription(next), null, current.certificateId(), false);
        return device(current.thing());
    }

    /** Ends a rotation: forgets the previous certificate and deletes its key. */
    public StoredDevice finishRotation(StoredDevice device) {
        deleteTree(device.dir().resolve(PREVIOUS));
        writeProperties(device.dir(), device.spec(), readProperties(device.dir().resolve(PROPERTIES)).getProperty("key"),
                device.certificateId(), null, device.revoked());
        return device(device.thing());
    }

    private void writeIdentity(Path target, DeviceIdentity identity) {
        ThingName thing = identity.spec().thing();
        identity.privateKeyIfHeld().ifPresent(key ->
                FilePermissions.writeSecret(target.resolve(thing.value() + "-private.pem.key"), Pem.privateKey(key)));
        FilePermissions.writePublic(target.resolve(thing.value() + "-certificate.pem.crt"),
                Pem.certificate(identity.certificate()));
    }

    private static String keyDescription(DeviceIdentity identity) {
        return identity.privateKeyIfHeld()
                .map(key -> "RSA".equals(key.getAlgorithm()) ? KeyType.RSA.toString() : KeyType.EC.toString())
                .orElse("csr");
    }

    private static void writeProperties(Path target, DeviceSpec spec, String key, String certificateId,
                                        String previousCertificateId, boolean revoked) {
        Map<String, String> values = new TreeMap<>();
        values.put("tenant", spec.tenant().value());
        values.put("thing", spec.thing().value());
        values.put("kind", spec.kind().code());
        spec.wardIfAny().ifPresent(w -> values.put("ward", w));
        spec.bedIfAny().ifPresent(b -> values.put("bed", b));
        spec.storageProfileIfAny().ifPresent(p -> values.put("storageProfile", p));
        if (spec.room() != null) {
            values.put("room", spec.room());
        }
        if (spec.isolation() != null) {
            values.put("isolation", spec.isolation());
        }
        if (key != null) {
            values.put("key", key);
        }
        if (certificateId != null) {
            values.put("certificateId", certificateId);
        }
        if (previousCertificateId != null) {
            values.put("previousCertificateId", previousCertificateId);
        }
        if (revoked) {
            values.put("revoked", "true");
        }
        StringBuilder text = new StringBuilder("# written by device-certs; the key never goes here\n");
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        FilePermissions.writePublic(target.resolve(PROPERTIES), text.toString());
    }

    private static Properties readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new CertificateFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    private DeviceStateException alreadyIssued(ThingName thing) {
        return new DeviceStateException(thing + " is already issued in " + deviceDir(thing)
                + " (use 'certs rotate' for a new certificate)");
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
