package org.wardwatch.devicecerts.cli;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.wardwatch.devicecerts.Registration;
import org.wardwatch.devicecerts.StoredDevice;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.model.device.ThingName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code certs revoke}: the device can no longer connect. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke a device: each of its certificates REVOKED in AWS IoT and detached from the thing "
                + "and the device policy; its devices table item INACTIVE.")
final class RevokeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenant;

    @Mixin
    AwsOptions aws;

    @Option(names = "--thing", required = true, paramLabel = "NAME", description = "The device.")
    ThingName thing;

    @Override
    public Integer call() {
        TenantFiles files = tenant.files();
        // the thing's attached certificates are found in IoT; local records add any no longer attached
        StoredDevice local = files.isIssued(thing) ? files.device(thing) : null;
        Set<String> known = new LinkedHashSet<>();
        if (local != null) {
            local.certificateIdIfRegistered().ifPresent(known::add);
            if (local.previousCertificateId() != null) {
                known.add(local.previousCertificateId());
            }
        }
        try (AwsOptions.Clients clients = aws.connect(tenant.tenant)) {
            clients.registrar.registry().requireTable();
            Registration result = clients.registrar.revoke(thing, tenant.tenant, known);
            if (local != null) {
                files.recordRevocation(local);
            }
            String outcome;
            if (result.changed()) {
                outcome = String.join("; ", result.changes());
            } else if (result.certificateId().isEmpty()) {
                outcome = "no certificate of it found in AWS IoT; nothing to revoke";
            } else {
                outcome = "unchanged (already revoked)";
            }
            spec.commandLine().getOut().println(thing + ": " + outcome);
        }
        return 0;
    }
}
