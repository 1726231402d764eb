package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.services.kms.IKey;

import java.util.Objects;

/**
 * What a construct that deploys one of the tenant's functions, and nothing it needs beyond it, is given
 * ({@link OperatorFunction}, {@link SilentDevices}, {@link Escalations}).
 *
 * @param names         the tenant's names
 * @param settings      how the tenant's functions are deployed (artifact, runtime, shared environment)
 * @param encryptionKey the tenant's key, for the log group
 */
public record SingleFunctionProps(TenantNames names, FunctionSettings settings, IKey encryptionKey) {

    public SingleFunctionProps {
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
        private IKey encryptionKey;

        public Builder names(TenantNames names) {
            this.names = names;
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

        public SingleFunctionProps build() {
            return new SingleFunctionProps(names, settings, encryptionKey);
        }
    }
}
