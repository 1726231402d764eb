package org.wardwatch.functions.lambda;

import java.nio.file.Path;
import org.wardwatch.model.tenant.FunctionConfig;
import org.wardwatch.model.tenant.FunctionConfigReader;

/** The tenant configuration file the stack gives the function, read with the same code synth validates it with. */
final class TenantConfigFile {

    private TenantConfigFile() {
    }

    /** The file's thresholds and storage profiles, or the defaults without one; a bad file stops the start. */
    static FunctionConfig read(WardwatchConfig config) {
        return config.configFile().filter(path -> !path.isBlank())
                .map(path -> FunctionConfigReader.read(Path.of(path)))
                .orElseGet(FunctionConfig::defaults);
    }
}
