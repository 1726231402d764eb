package org.wardwatch.infra;

import org.wardwatch.infra.config.FunctionRuntime;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Ingest} needs.
 *
 * @param names               the tenant's names
 * @param functionCode        the telemetry function's code: {@code functions/target/function.zip} for real, an
 *                            empty zip in tests
 * @param runtime             JVM (java21, SnapStart) or native (provided.al2023)
 * @param memoryMb            function memory
 * @param reservedConcurrency reserved concurrent executions, or null for none
 * @param environment         the function's environment (ordered: it is written into the template)
 * @param encryptionKey       the tenant's key, for the dead-letter queues
 * @param logRetentionDays    retention of the function's log group (one of CloudWatch Logs' periods)
 */
public record IngestProps(TenantNames names, Code functionCode, FunctionRuntime runtime, int memoryMb,
                          Integer reservedConcurrency, Map<String, String> environment, IKey encryptionKey,
                          int logRetentionDays) {

    public IngestProps {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(functionCode, "functionCode");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        environment = new LinkedHashMap<>(environment);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private TenantNames names;
        private Code functionCode;
        private FunctionRuntime runtime = FunctionRuntime.JVM;
        private int memoryMb = 1024;
        private Integer reservedConcurrency;
        private Map<String, String> environment = new LinkedHashMap<>();
        private IKey encryptionKey;
        private int logRetentionDays = 365;

        public Builder names(TenantNames names) {
            this.names = names;
            return this;
        }

        public Builder functionCode(Code functionCode) {
            this.functionCode = functionCode;
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

        public Builder reservedConcurrency(Integer reservedConcurrency) {
            this.reservedConcurrency = reservedConcurrency;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        public Builder logRetentionDays(int logRetentionDays) {
            this.logRetentionDays = logRetentionDays;
            return this;
        }

        public IngestProps build() {
            return new IngestProps(names, functionCode, runtime, memoryMb, reservedConcurrency, environment,
                    encryptionKey, logRetentionDays);
        }
    }
}
