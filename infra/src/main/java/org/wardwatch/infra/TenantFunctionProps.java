package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.services.kms.IKey;

import java.util.Objects;

/**
 * What {@link TenantFunction} needs.
 *
 * @param names               the tenant's names
 * @param handler             the handler, from the model's catalogue: its name is {@code QUARKUS_LAMBDA_HANDLER}
 *                            and names the function ({@code wardwatch-<tenant>-<handler>}); its timeout is the
 *                            function's
 * @param description         what the function does, for the console
 * @param settings            the artifact, runtime, memory, log retention and shared environment of every function
 * @param encryptionKey       the tenant's key, for the log group
 * @param reservedConcurrency reserved concurrent executions, or null for none
 */
public record TenantFunctionProps(TenantNames names, Handler handler, String description, FunctionSettings settings,
                                  IKey encryptionKey, Integer reservedConcurrency) {

    public TenantFunctionProps {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private TenantNames names;
        private Handler handler;
        private String description;
        private FunctionSettings settings;
        private IKey encryptionKey;
        private Integer reservedConcurrency;

        public Builder names(TenantNames names) {
            this.names = names;
            return this;
        }

        public Builder handler(Handler handler) {
            this.handler = handler;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder settings(FunctionSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        public Builder reservedConcurrency(Integer reservedConcurrency) {
            this.reservedConcurrency = reservedConcurrency;
            return this;
        }

        public TenantFunctionProps build() {
            return new TenantFunctionProps(names, handler, description, settings, encryptionKey, reservedConcurrency);
        }
    }
}
