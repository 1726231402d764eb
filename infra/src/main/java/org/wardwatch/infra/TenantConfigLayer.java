package org.wardwatch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wardwatch.model.tenant.FunctionConfigFile;
import org.wardwatch.model.tenant.FunctionConfigReader;
import org.wardwatch.model.tenant.TenantConfig;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.constructs.Construct;

/**
 * The layer that gives every function the validated tenant configuration as a file (Lambda unpacks layers under
 * /opt: {@value FunctionConfigFile#PATH_IN_FUNCTION}), named by {@code WARDWATCH_CONFIG_FILE}. A file, because
 * Lambda allows 4 KB for all of a function's environment variables, and thresholds and profiles grow. The file is
 * read back here with the function's own reader, so synth fails where the function would.
 */
public final class TenantConfigLayer extends Construct {

    private final LayerVersion layer;

    public TenantConfigLayer(Construct scope, String id, TenantNames names, TenantConfig config) {
        super(scope, id);
        Path directory = write(config);
        layer = LayerVersion.Builder.create(this, "Layer")
                .layerVersionName(names.resource("tenant-config"))
                .description("wardwatch " + names.tenantId() + ": the tenant configuration the functions read at start")
                .code(Code.fromAsset(directory.toString()))
                .build();
    }

    public LayerVersion layer() {
        return layer;
    }

    /** A directory laid out as the layer is under /opt; the asset is hashed by content, so synths agree. */
    private static Path write(TenantConfig config) {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            Path directory = Files.createTempDirectory("wardwatch-tenant-config");
            Path file = directory.resolve(FunctionConfigFile.LAYER_DIRECTORY).resolve(FunctionConfigFile.FILE_NAME);
            Files.createDirectories(file.getParent());
            Files.writeString(file, FunctionConfigFile.json(config));
            FunctionConfigReader.read(file);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
