package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Operations} watches and whom it tells.
 *
 * @param names           the tenant's names
 * @param encryptionKey   the tenant's key, for the ops topic (CloudWatch is allowed to use it)
 * @param function        the telemetry function (errors, throttles)
 * @param redriveFunction the redrive function (errors: a replay that stopped before the end)
 * @param silenceFunction the silent-devices check (errors: a check that failed, so silent devices go unflagged)
 * @param presenceFunction the presence function (errors: connections recorded late, or, after the retries, only
 *                        in the failures queue)
 * @param escalationFunction the escalation check (errors: a check that failed, so reminders and escalations wait)
 * @param alertTopic      the staff alert topic (deliveries to staff that failed: SMS, e-mail)
 * @param deadLetterQueues queues where unprocessed messages end up, by short name (used in alarm names)
 * @param opsEmails       addresses subscribed to the ops topic
 */
public record OperationsProps(TenantNames names, IKey encryptionKey, IFunction function, IFunction redriveFunction,
                              IFunction silenceFunction, IFunction presenceFunction, IFunction escalationFunction,
                              ITopic alertTopic, Map<String, IQueue> deadLetterQueues, List<String> opsEmails) {

    public OperationsProps {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(redriveFunction, "redriveFunction");
        Objects.requireNonNull(silenceFunction, "silenceFunction");
        Objects.requireNonNull(presenceFunction, "presenceFunction");
        Objects.requireNonNull(escalationFunction, "escalationFunction");
        Objects.requireNonNull(alertTopic, "alertTopic");
        deadLetterQueues = new LinkedHashMap<>(deadLetterQueues);
        opsEmails = List.copyOf(opsEmails);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private TenantNames names;
        private IKey encryptionKey;
        private IFunction function;
        private IFunction redriveFunction;
        private IFunction silenceFunction;
        private IFunction presenceFunction;
        private IFunction escalationFunction;
        private ITopic alertTopic;
        private Map<String, IQueue> deadLetterQueues = new LinkedHashMap<>();
        private List<String> opsEmails = List.of();

        public Builder names(TenantNames names) {
            this.names = names;
            return this;
        }

        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        public Builder function(IFunction function) {
            this.function = function;
            return this;
        }

        public Builder redriveFunction(IFunction redriveFunction) {
            this.redriveFunction = redriveFunction;
            return this;
        }

        public Builder silenceFunction(IFunction silenceFunction) {
            this.silenceFunction = silenceFunction;
            return this;
        }

        public Builder presenceFunction(IFunction presenceFunction) {
            this.presenceFunction = presenceFunction;
            return this;
        }

        public Builder escalationFunction(IFunction escalationFunction) {
            this.escalationFunction = escalationFunction;
            return this;
        }

        public Builder alertTopic(ITopic alertTopic) {
            this.alertTopic = alertTopic;
            return this;
        }

        public Builder deadLetterQueues(Map<String, IQueue> deadLetterQueues) {
            this.deadLetterQueues = deadLetterQueues;
            return this;
        }

        public Builder opsEmails(List<String> opsEmails) {
            this.opsEmails = opsEmails;
            return this;
        }

        public OperationsProps build() {
            return new OperationsProps(names, encryptionKey, function, redriveFunction, silenceFunction,
                    presenceFunction, escalationFunction, alertTopic, deadLetterQueues, opsEmails);
        }
    }
}
