package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.IQueue;

import java.util.Objects;

/**
 * What {@link Presence} needs: besides what every function gets, the telemetry rule's dead-letter queues and
 * error-action role, which the presence rule and function share so that one redrive replays both.
 *
 * @param names           the tenant's names
 * @param settings        how the tenant's functions are deployed (artifact, runtime, shared environment)
 * @param encryptionKey   the tenant's key, for the log group and the queues
 * @param deadLetterQueue the rules' error-action queue ({@code -ingest-dlq})
 * @param failureQueue    the functions' on-failure destination ({@code -telemetry-failures})
 * @param errorActionRole the role the error action sends with (it may only send to {@code deadLetterQueue})
 */
public record PresenceProps(TenantNames names, FunctionSettings settings, IKey encryptionKey, IQueue deadLetterQueue,
                            IQueue failureQueue, IRole errorActionRole) {

    public PresenceProps {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        Objects.requireNonNull(failureQueue, "failureQueue");
        Objects.requireNonNull(errorActionRole, "errorActionRole");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private TenantNames names;
        private FunctionSettings settings;
        private IKey encryptionKey;
        private IQueue deadLetterQueue;
        private IQueue failureQueue;
        private IRole errorActionRole;

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

        public Builder deadLetterQueue(IQueue deadLetterQueue) {
            this.deadLetterQueue = deadLetterQueue;
            return this;
        }

        public Builder failureQueue(IQueue failureQueue) {
            this.failureQueue = failureQueue;
            return this;
        }

        public Builder errorActionRole(IRole errorActionRole) {
            this.errorActionRole = errorActionRole;
            return this;
        }

        public PresenceProps build() {
            return new PresenceProps(names, settings, encryptionKey, deadLetterQueue, failureQueue, errorActionRole);
        }
    }
}
