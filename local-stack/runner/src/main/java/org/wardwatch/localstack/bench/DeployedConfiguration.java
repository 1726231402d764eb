package org.wardwatch.localstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.wardwatch.localstack.tenant.TenantSynth;
import org.wardwatch.model.tenant.FunctionEnvironment;
import org.wardwatch.model.tenant.Handler;

/**
 * How the tenant stack deploys the telemetry function, read from the template the infra app synthesizes for
 * {@code local-stack/tenant.json}, so that the benchmark's "deployed" variant runs what {@code cdk deploy} would:
 * the managed runtime's name and the {@code JAVA_TOOL_OPTIONS} the function's environment sets (Lambda's JVM reads
 * that variable; the benchmark passes it the same way, in the environment).
 *
 * @param runtime          the function's {@code Runtime}, e.g. {@code java21}
 * @param javaToolOptions  the function's {@code JAVA_TOOL_OPTIONS}; empty when the stack sets none
 * @param snapStart        whether the function has SnapStart on published versions (not emulated here)
 */
record DeployedConfiguration(String runtime, String javaToolOptions, boolean snapStart) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Synthesizes (or reuses) the template of the local stack's tenant and reads its telemetry function. */
    static DeployedConfiguration synthesize(Path root, Path functionZip, Path work) {
        Path template = TenantSynth.template(root, root.resolve("local-stack/tenant.json"), functionZip,
                work.resolve("synth"));
        return read(template);
    }

    static DeployedConfiguration read(Path template) {
        JsonNode resources;
        try {
            resources = JSON.readTree(template.toFile()).path("Resources");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            JsonNode resource = it.next().getValue();
            JsonNode properties = resource.path("Properties");
            JsonNode variables = properties.path("Environment").path("Variables");
            if ("AWS::Lambda::Function".equals(resource.path("Type").asText())
                    && Handler.TELEMETRY.handlerName().equals(variables.path(FunctionEnvironment.HANDLER).asText())) {
                return new DeployedConfiguration(properties.path("Runtime").asText(),
                        variables.path("JAVA_TOOL_OPTIONS").asText(""),
                        "PublishedVersions".equals(properties.path("SnapStart").path("ApplyOn").asText()));
            }
        }
        throw new IllegalArgumentException(template + " has no telemetry function");
    }

    /** The feature version of the runtime's JDK: 21 for {@code java21}; 0 for a custom runtime. */
    int javaFeature() {
        try {
            return runtime.startsWith("java") ? Integer.parseInt(runtime.substring(4)) : 0;
        } catch (NumberFormatException e) {
            return 0; // java8.al2
        }
    }
}
