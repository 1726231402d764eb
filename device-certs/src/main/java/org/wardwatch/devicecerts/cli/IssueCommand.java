package org.wardwatch.devicecerts.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wardwatch.devicecerts.DeviceIdentity;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.devicecerts.KeyType;
import org.wardwatch.devicecerts.Pem;
import org.wardwatch.devicecerts.StoredDevice;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.devicecerts.Validity;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.ThingName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code certs issue}: one device's key and certificate. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = "Issue a device identity: a key and a certificate (CN = thing name, clientAuth) from the "
                + "tenant CA, or with --csr a certificate for the device's own key.")
final class IssueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenant;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--thing", required = true, paramLabel = "NAME",
            description = "Thing name = certificate CN = MQTT client id: 1-128 of a-z A-Z 0-9 : _ -")
    ThingName thing;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "pulse_oximeter, bp_monitor, glucose_meter, thermometer, cardiac_monitor, smartwatch "
                    + "storage_sensor or room_environment.")
    DeviceKind kind;

    @Option(names = "--ward", paramLabel = "WARD", description = "Ward, e.g. ward-7.")
    String ward;

    @Option(names = "--bed", paramLabel = "BED", description = "Bed within the ward.")
    String bed;

    @Option(names = "--storage-profile", paramLabel = "PROFILE", converter = CertsCommand.StorageProfileConverter.class,
            description = "Storage sensors only: vaccine_fridge, vaccine_freezer or ultra_low_freezer.")
    String storageProfile;

    @Option(names = "--room", paramLabel = "ROOM", description = "room_environment only (required): room within the ward.")
    String room;

    @Option(names = "--isolation", paramLabel = "ISOLATION",
            description = "room_environment only: negative (airborne isolation) or positive (protective "
                    + "environment); leave out for an ordinary room.")
    String isolation;

    @Option(names = "--csr", paramLabel = "FILE",
            description = "Sign this PEM CSR instead of making a key: the device keeps its key.")
    Path csr;

    @Mixin
    IssueOptions issue;

    @Override
    public Integer call() {
        DeviceSpec device = new DeviceSpec(tenant.tenant, thing, kind, ward, bed, storageProfile, room, isolation);
        TenantFiles files = tenant.files();
        files.requireNotIssued(thing);
        TenantCa ca = files.loadCa(passphrase.passphrase());
        StoredDevice stored = files.saveDevice(issue.identity(ca, device, csr));
        PrintWriter out = spec.commandLine().getOut();
        out.println("issued " + thing + " (" + describe(device) + ")");
        out.println("  certificate  " + ShownPath.of(stored.certificateFile()));
        out.println("  key          " + (stored.keyFile() == null ? "stays on the device (from its CSR)"
                : ShownPath.of(stored.keyFile()) + " (owner-read-only)"));
        out.println("  valid until  " + stored.certificate().getNotAfter().toInstant());
        return 0;
    }

    static String describe(DeviceSpec device) {
        StringBuilder text = new StringBuilder(device.kind().code());
        device.wardIfAny().ifPresent(w -> text.append(", ward ").append(w));
        device.bedIfAny().ifPresent(b -> text.append(", bed ").append(b));
        device.storageProfileIfAny().ifPresent(p -> text.append(", ").append(p));
        if (device.room() != null) {
            text.append(", room ").append(device.room());
        }
        if (device.isolation() != null) {
            text.append(", ").append(device.isolation()).append(" isolation");
        }
        return text.toString();
    }

    /** Key and validity options shared by issue, issue-batch and rotate. */
    static final class IssueOptions {

        @Option(names = "--key-type", paramLabel = "TYPE", defaultValue = "ec",
                description = "Device key: ec (P-256, default) or rsa (2048).")
        KeyType keyType;

        @Option(names = "--days", paramLabel = "DAYS", defaultValue = "730",
                description = "Certificate validity in days (default: ${DEFAULT-VALUE}).")
        int days;

        /** A new identity for the device: from its CSR when one is given, else with a new key. */
        DeviceIdentity identity(TenantCa ca, DeviceSpec device, Path csr) {
            Validity validity = Validity.days(days);
            return csr != null
                    ? DeviceIdentity.fromCsr(ca, device, Pem.readCsr(csr), validity)
                    : DeviceIdentity.issue(ca, device, keyType, validity);
        }
    }
}
