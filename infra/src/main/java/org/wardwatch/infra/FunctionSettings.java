package org.wardwatch.infra;

import org.wardwatch.model.tenant.FunctionRuntime;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.ILayerVersion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How every function of a tenant is deployed: the one artifact (functions/target/function.zip) whose handler
 * {@code QUARKUS_LAMBDA_HANDLER} picks, and the configuration all its handlers read at start.
 *
 * @param code             {@code functions/target/function.zip} for real, an empty zip in tests
 * @param runtime          JVM (java21, SnapStart) or native (provided.al2023)
 * @param memoryMb         memory of each function
 * @param logRetentionDays retention of each function's log group (one of CloudWatch Logs' periods)
 * @param environment      the environment every handler gets (ordered: it is written into the template); each
 *                         function adds its {@code QUARKUS_LAMBDA_HANDLER}
 * @param layers           the layers every function gets: the tenant configuration file's
 */
public record FunctionSettings(Code code, FunctionRuntime runtime, int memoryMb, int logRetentionDays,
                               Map<String, String> environment, List<ILayerVersion> layers) {

    public FunctionSettings {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(runtime, "runtime");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        layers = List.copyOf(layers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Code code;
        private FunctionRuntime runtime = FunctionRuntime.JVM;
        private int memoryMb = 1024;
        private int logRetentionDays = 365;
        private Map<String, String> environment = new LinkedHashMap<>();
        private List<ILayerVersion> layers = List.of();

        public Builder code(Code code) {
            this.code = code;
            return this;
        }

        public Builder runtime(FunctionRuntime runtime) {
            this.runtime = runtime;
            return this;
        }

        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder logRetentionDays(int logRetentionDays) {
            this.logRetentionDays = logRetentionDays;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder layers(List<ILayerVersion> layers) {
            this.layers = layers;
            return this;
        }

        public FunctionSettings build() {
            return new FunctionSettings(code, runtime, memoryMb, logRetentionDays, environment, layers);
        }
    }
}
