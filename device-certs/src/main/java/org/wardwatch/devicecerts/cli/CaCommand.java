package org.wardwatch.devicecerts.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.wardwatch.devicecerts.KeyType;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.devicecerts.Validity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code certs ca ...}: the tenant's CA. */
@Command(name = "ca", description = "The tenant's device CA.", mixinStandardHelpOptions = true,
        subcommands = CaCommand.Create.class)
final class CaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: ca create");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the tenant's CA: a key (owner-read-only, encrypted when a passphrase is given) "
                    + "and a self-signed CA certificate (CA:true, pathLen 0, keyCertSign).")
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        TenantOptions tenant;

        @Mixin
        PassphraseOptions passphrase;

        @Option(names = "--key-type", paramLabel = "TYPE", defaultValue = "ec",
                description = "ec (P-256, default) or rsa (2048).")
        KeyType keyType;

        @Option(names = "--days", paramLabel = "DAYS", defaultValue = "3650",
                description = "Validity in days (default: ${DEFAULT-VALUE}).")
        int days;

        @Override
        public Integer call() {
            TenantFiles files = tenant.files();
            char[] pass = passphrase.passphrase();
            TenantCa ca = TenantCa.create(tenant.tenant, keyType, Validity.days(days));
            files.saveCa(ca, pass);
            PrintWriter out = spec.commandLine().getOut();
            out.println("created the CA of tenant " + tenant.tenant);
            out.println("  certificate  " + ShownPath.of(files.caCertificateFile()));
            out.println("  key          " + ShownPath.of(files.caKeyFile()) + " (owner-read-only, "
                    + (pass == null ? "not encrypted" : "encrypted") + ")");
            out.println("  subject      " + ca.certificate().getSubjectX500Principal().getName());
            out.println("  valid until  " + ca.certificate().getNotAfter().toInstant());
            return 0;
        }
    }
}
