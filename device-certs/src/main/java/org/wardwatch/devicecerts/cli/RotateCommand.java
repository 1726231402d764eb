package org.wardwatch.devicecerts.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import org.wardwatch.devicecerts.CaRegistration;
import org.wardwatch.devicecerts.DeviceIdentity;
import org.wardwatch.devicecerts.DeviceStateException;
import org.wardwatch.devicecerts.Registration;
import org.wardwatch.devicecerts.StoredDevice;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.model.device.ThingName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code certs rotate}: a new certificate next to the old one, then {@code --finish} retires the old one. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Rotate a registered device's certificate in two steps, so the device is never locked out:",
                "rotate: a new key and certificate are issued and registered ACTIVE on the same thing while the old "
                        + "one stays ACTIVE (the old files move to previous/).",
                "rotate --finish: once the device uses the new one, the old certificate becomes INACTIVE and is "
                        + "detached, and its key is deleted."})
final class RotateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenant;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    AwsOptions aws;

    @Option(names = "--thing", required = true, paramLabel = "NAME", description = "The device.")
    ThingName thing;

    @Option(names = "--finish", description = "Retire the previous certificate of a pending rotation.")
    boolean finish;

    @Option(names = "--csr", paramLabel = "FILE",
            description = "Sign the device's new CSR instead of making a key.")
    Path csr;

    @Mixin
    IssueCommand.IssueOptions issue;

    @Override
    public Integer call() {
        TenantFiles files = tenant.files();
        StoredDevice device = files.device(thing);
        PrintWriter out = spec.commandLine().getOut();
        if (device.revoked()) {
            throw new DeviceStateException(thing + " is revoked; a revoked device is not rotated");
        }
        if (finish) {
            if (!device.rotationPending()) {
                throw new DeviceStateException(thing + " has no rotation pending");
            }
            try (AwsOptions.Clients clients = aws.connect(tenant.tenant)) {
                Registration result = device.previousCertificateId() == null
                        ? new Registration(thing, "", java.util.List.of())
                        : clients.registrar.finishRotation(thing, tenant.tenant, device.previousCertificateId());
                files.finishRotation(device);
                out.println(thing + ": rotation finished; " + (result.changed()
                        ? String.join("; ", result.changes()) : "previous certificate already retired"));
            }
            return 0;
        }
        if (device.rotationPending()) {
            throw new DeviceStateException(thing + " already has a rotation pending: run 'certs rotate --finish' first");
        }
        if (device.certificateId() == null) {
            throw new DeviceStateException(thing + " is not registered yet: run 'certs register' (nothing to rotate)");
        }
        X509Certificate caCertificate = files.caCertificate();
        TenantCa ca = files.loadCa(passphrase.passphrase());
        DeviceIdentity next = issue.identity(ca, device.spec(), csr);
        try (AwsOptions.Clients clients = aws.connect(tenant.tenant)) {
            clients.registrar.registry().requireTable();
            CaRegistration caRegistration = clients.registrar.ensureCa(caCertificate, () -> ca);
            StoredDevice rotating = files.beginRotation(device, next);
            Registration result = clients.registrar.rotate(device.spec(), next.certificate(), caCertificate,
                    caRegistration, device.certificateId());
            files.recordRegistration(rotating, result.certificateId());
            out.println(thing + ": new certificate " + result.certificateId() + " ACTIVE next to "
                    + device.certificateId() + "; " + String.join("; ", result.changes()));
            out.println("  new files in " + ShownPath.of(rotating.dir()) + ", the old ones in "
                    + ShownPath.of(rotating.dir().resolve("previous")));
            out.println("  when the device uses the new certificate: certs rotate --tenant " + tenant.tenant
                    + " --thing " + thing + " --finish");
        }
        return 0;
    }
}
