package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.services.kms.IKey;

import java.util.Objects;

/**
 * What {@link Ingest} needs.
 *
 * @param names               the tenant's names
 * @param settings            how the tenant's functions are deployed (artifact, runtime, memory, log retention,
 *                            shared environment)
 * @param reservedConcurrency reserved concurrent executions of the telemetry function, or null for none
 * @param encryptionKey       the tenant's key, for the dead-letter queues and the log group
 */
public record IngestProps(TenantNames names, FunctionSettings settings, Integer reservedConcurrency,
                          IKey encryptionKey) {

    public IngestProps {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private TenantNames names;
        private FunctionSettings settings;
        private Integer reservedConcurrency;
        private IKey encryptionKey;

        public Builder names(TenantNames names) {
            this.names = names;
            return this;
        }

        public Builder settings(FunctionSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder reservedConcurrency(Integer reservedConcurrency) {
            this.reservedConcurrency = reservedConcurrency;
            return this;
        }

        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        public IngestProps build() {
            return new IngestProps(names, settings, reservedConcurrency, encryptionKey);
        }
    }
}
