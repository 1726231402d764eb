package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.IQueue;

import java.util.Objects;

/**
 * What {@link Redrive} needs.
 *
 * @param names          the tenant's names
 * @param settings       how the tenant's functions are deployed (artifact, runtime, shared environment)
 * @param encryptionKey  the tenant's key: of the log group, and of the two queues, which the function decrypts
 * @param ruleErrorQueue the topic rule's error-action queue ({@code -ingest-dlq})
 * @param failureQueue   the telemetry function's on-failure destination ({@code -telemetry-failures})
 */
public record RedriveProps(TenantNames names, FunctionSettings settings, IKey encryptionKey, IQueue ruleErrorQueue,
                           IQueue failureQueue) {

    public RedriveProps {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(ruleErrorQueue, "ruleErrorQueue");
        Objects.requireNonNull(failureQueue, "failureQueue");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private TenantNames names;
        private FunctionSettings settings;
        private IKey encryptionKey;
        private IQueue ruleErrorQueue;
        private IQueue failureQueue;

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

        public Builder ruleErrorQueue(IQueue ruleErrorQueue) {
            this.ruleErrorQueue = ruleErrorQueue;
            return this;
        }

        public Builder failureQueue(IQueue failureQueue) {
            this.failureQueue = failureQueue;
            return this;
        }

        public RedriveProps build() {
            return new RedriveProps(names, settings, encryptionKey, ruleErrorQueue, failureQueue);
        }
    }
}
