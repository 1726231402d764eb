package org.wardwatch.devicecerts.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wardwatch.devicecerts.DeviceBundle;
import org.wardwatch.devicecerts.StoredDevice;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.model.device.ThingName;
import org.wardwatch.model.tenant.TenantNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code certs bundle}: the files one device needs, in one directory. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Write the files a device needs to <out>/<tenant>/bundles/<thing>/: "
                + "<thing>-certificate.pem.crt, <thing>-private.pem.key (unless the device made its own key), "
                + "root-CA.crt (the CA of the endpoint's server certificate, from --server-ca) and connection.json "
                + "(endpoint, port, client id, topic).",
                "The endpoint is --iot-endpoint, else AWS IoT's iot:Data-ATS endpoint of the account."})
final class BundleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenant;

    @Mixin
    AwsOptions aws;

    @Option(names = "--thing", required = true, paramLabel = "NAME", description = "The device.")
    ThingName thing;

    @Option(names = "--iot-endpoint", paramLabel = "HOST",
            description = "The MQTT endpoint host devices connect to (default: asked from AWS IoT).")
    String iotEndpoint;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8883", description = "MQTT over TLS port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--server-ca", paramLabel = "FILE",
            description = "The CA that signed the endpoint's server certificate (for AWS IoT Core: Amazon Root CA 1, "
                    + "AmazonRootCA1.pem); copied as root-CA.crt.")
    Path serverCa;

    @Override
    public Integer call() {
        TenantFiles files = tenant.files();
        StoredDevice device = files.device(thing);
        String endpoint = iotEndpoint;
        if (endpoint == null) {
            try (AwsOptions.Clients clients = aws.connect(tenant.tenant)) {
                endpoint = clients.registrar.dataEndpoint();
            }
        }
        String serverCaPem = null;
        if (serverCa != null) {
            try {
                serverCaPem = Files.readString(serverCa);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the server CA " + serverCa, e);
            }
        }
        Path dir = DeviceBundle.write(files, device, endpoint, port, serverCaPem);
        PrintWriter out = spec.commandLine().getOut();
        out.println("bundle of " + thing + " in " + ShownPath.of(dir));
        try (var entries = Files.list(dir)) {
            entries.map(p -> p.getFileName().toString()).sorted().forEach(name -> out.println("  " + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("  endpoint " + endpoint + ":" + port + ", client id " + thing + ", topic "
                + TenantNames.of(tenant.tenant).telemetryTopic(thing.value()));
        if (serverCaPem == null) {
            out.println("  no root-CA.crt: add the endpoint's server CA with --server-ca (AWS IoT Core: AmazonRootCA1.pem)");
        }
        return 0;
    }
}
