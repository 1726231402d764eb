package org.wardwatch.devicecerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.wardwatch.model.device.ThingName;
import org.wardwatch.model.tenant.TenantNames;

/**
 * The files a device needs, named as AWS IoT names them when it creates a certificate: the device's certificate and
 * key, the CA to trust for the server ({@code root-CA.crt}) and {@code connection.json} with endpoint, port, client
 * id and topic. A bundle is rewritten whole each time.
 */
public final class DeviceBundle {

    private DeviceBundle() {
    }

    /**
     * Writes {@code <tenant dir>/bundles/<thing>/} and returns it.
     *
     * @param serverCaPem the CA of the endpoint's server certificate, or null to leave root-CA.crt out
     */
    public static Path write(TenantFiles files, StoredDevice device, String endpoint, int port, String serverCaPem) {
        if (device.revoked()) {
            throw new DeviceStateException(device.thing() + " is revoked; no bundle for it");
        }
        if (endpoint == null || !endpoint.matches("[A-Za-z0-9.-]{1,253}")) {
            throw new InvalidDeviceException("invalid endpoint host '" + DeviceNames.printable(endpoint) + "'");
        }
        ThingName thing = device.thing();
        Path dir = files.dir().resolve("bundles").resolve(thing.value());
        deleteTree(dir);
        FilePermissions.privateDirectories(dir);
        try {
            Files.copy(device.certificateFile(), dir.resolve(thing.value() + "-certificate.pem.crt"));
            if (device.keyFile() != null) {
                FilePermissions.writeSecret(dir.resolve(thing.value() + "-private.pem.key"),
                        Files.readString(device.keyFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the files of " + thing, e);
        }
        if (serverCaPem != null) {
            if (!serverCaPem.contains("-----BEGIN CERTIFICATE-----")) {
                throw new CertificateFileException("the server CA is not a PEM certificate");
            }
            FilePermissions.writePublic(dir.resolve("root-CA.crt"), serverCaPem);
        }
        String json = "{\n"
                + "  \"endpoint\": \"" + endpoint + "\",\n"
                + "  \"port\": " + port + ",\n"
                + "  \"clientId\": \"" + thing + "\",\n"
                + "  \"topic\": \"" + TenantNames.of(files.tenant()).telemetryTopic(thing.value()) + "\",\n"
                + "  \"certificate\": \"" + thing + "-certificate.pem.crt\",\n"
                + "  \"privateKey\": " + (device.keyFile() == null ? "null" : "\"" + thing + "-private.pem.key\"") + ",\n"
                + "  \"rootCa\": " + (serverCaPem == null ? "null" : "\"root-CA.crt\"") + "\n"
                + "}\n";
        FilePermissions.writePublic(dir.resolve("connection.json"), json);
        return dir;
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
