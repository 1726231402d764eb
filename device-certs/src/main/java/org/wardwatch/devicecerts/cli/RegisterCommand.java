package org.wardwatch.devicecerts.cli;

import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import org.wardwatch.devicecerts.CaRegistration;
import org.wardwatch.devicecerts.Registration;
import org.wardwatch.devicecerts.StoredDevice;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.model.device.ThingName;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code certs register}: issued devices into AWS IoT and the devices table. */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register issued devices in AWS IoT: the tenant CA (once), each certificate ACTIVE, the "
                + "thing with its attributes, the thing-principal attachment, the tenant's device policy, and the "
                + "device's item in the devices table (status ACTIVE, certificateId).",
                "Idempotent: what is already as wanted is left alone."})
final class RegisterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenant;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    AwsOptions aws;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--thing", required = true, paramLabel = "NAME", description = "One device.")
        ThingName thing;

        @Option(names = "--all", required = true, description = "Every issued device that is not revoked.")
        boolean all;
    }

    @Override
    public Integer call() {
        TenantFiles files = tenant.files();
        X509Certificate caCertificate = files.caCertificate();
        List<ThingName> things = which.all ? files.issuedDevices() : List.of(which.thing);
        List<StoredDevice> devices = things.stream().map(files::device).toList();
        PrintWriter out = spec.commandLine().getOut();
        try (AwsOptions.Clients clients = aws.connect(tenant.tenant)) {
            clients.registrar.registry().requireTable();
            CaRegistration ca = clients.registrar.ensureCa(caCertificate, () -> files.loadCa(passphrase.passphrase()));
            out.println("CA " + ca.certificateId() + (ca.newlyRegistered() ? " registered" : " already registered")
                    + " (account " + ca.account() + ", " + ca.region() + ")");
            for (StoredDevice device : devices) {
                if (device.revoked()) {
                    if (!which.all) {
                        throw new org.wardwatch.devicecerts.DeviceStateException(device.thing()
                                + " is revoked; a revoked device is not registered again");
                    }
                    out.println(device.thing() + ": skipped, revoked");
                    continue;
                }
                Registration registration = clients.registrar.register(device.spec(), device.certificate(),
                        caCertificate, ca);
                files.recordRegistration(device, registration.certificateId());
                out.println(line(registration));
            }
        }
        return 0;
    }

    static String line(Registration registration) {
        return registration.thing() + ": " + (registration.changed()
                ? String.join("; ", registration.changes())
                : "unchanged (certificate " + registration.certificateId() + " ACTIVE)");
    }
}
