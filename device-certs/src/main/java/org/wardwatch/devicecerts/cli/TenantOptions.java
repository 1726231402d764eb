package org.wardwatch.devicecerts.cli;

import java.nio.file.Path;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.model.device.TenantId;
import picocli.CommandLine.Option;

/** {@code --tenant} and {@code --out}: whose files, and where they live. */
final class TenantOptions {

    /** Set by the launcher to device-certs/out of the checkout. */
    static final String OUT_PROPERTY = "wardwatch.certs.out";

    @Option(names = "--tenant", required = true, paramLabel = "TENANT",
            description = "The tenant (hospital) id: a-z, 0-9 and '-'.")
    TenantId tenant;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: device-certs/out); the tenant's files go to DIR/<tenant>/.")
    Path out;

    TenantFiles files() {
        Path root = out != null ? out : Path.of(System.getProperty(OUT_PROPERTY, "device-certs/out"));
        return new TenantFiles(root, tenant);
    }
}
