package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * From a device's MQTT publish to the telemetry function: the tenant's topic rule, the function with its
 * {@code live} alias (the rule invokes the alias, so a JVM function runs from a SnapStart snapshot), and the two
 * places a message that could not be handled ends up:
 * <ul>
 *   <li>the <em>ingest dead-letter queue</em>, the rule's error action (IoT could not invoke the function);</li>
 *   <li>the <em>failures queue</em>, the alias' asynchronous on-failure destination (the function failed three times: once
 *   plus two retries).</li>
 * </ul>
 */
public final class Ingest extends Construct {

    /** The rule's SQL; functions/README.md, "The event", documents what the function receives. */
    static final String SQL = "SELECT encode(*, 'base64') AS payload, topic(2) AS tenantId, topic(4) AS thingName, "
            + "clientid() AS clientId, timestamp() AS receivedAt FROM '%s'";

    public static final String HANDLER = Handler.TELEMETRY.handlerName();

    private final Function function;
    private final Alias alias;
    private final Queue deadLetterQueue;
    private final Queue failureQueue;
    private final CfnTopicRule rule;
    private final Role errorActionRole;

    public Ingest(Construct scope, String id, IngestProps props) {
        super(scope, id);
        TenantNames names = props.names();

        deadLetterQueue = encryptedQueue("DeadLetterQueue", names.resource("ingest-dlq"), props);
        failureQueue = encryptedQueue("FailureQueue", names.resource("telemetry-failures"), props);

        // The id Default keeps the telemetry function's logical ids what they were before TenantFunction existed.
        TenantFunction telemetry = new TenantFunction(this, TenantFunction.ID, TenantFunctionProps.builder()
                .names(names)
                .handler(Handler.TELEMETRY)
                .description("validates and stores device telemetry")
                .settings(props.settings())
                .encryptionKey(props.encryptionKey())
                .reservedConcurrency(props.reservedConcurrency())
                .build());
        function = telemetry.function();
        alias = telemetry.alias();

        // IoT invokes asynchronously: Lambda retries twice, then sends the event to the failures queue.
        RuleTarget.retryTwiceThenFailTo(this, telemetry, failureQueue, props.encryptionKey());

        errorActionRole = Role.Builder.create(this, "RuleErrorActionRole")
                .assumedBy(new ServicePrincipal("iot.amazonaws.com"))
                .description("wardwatch " + names.tenantId() + " topic rule error action")
                .build();
        RuleTarget.grantSend(deadLetterQueue, errorActionRole, props.encryptionKey());

        rule = RuleTarget.topicRule(this, names.topicRule(),
                "wardwatch " + names.tenantId() + ": device telemetry to the function",
                String.format(SQL, names.telemetryTopicFilter()), telemetry, deadLetterQueue, errorActionRole);
    }

    private Queue encryptedQueue(String id, String name, IngestProps props) {
        return Queue.Builder.create(this, id)
                .queueName(name)
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(props.encryptionKey())
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }

    public Queue deadLetterQueue() {
        return deadLetterQueue;
    }

    public Queue failureQueue() {
        return failureQueue;
    }

    public CfnTopicRule rule() {
        return rule;
    }

    /** The role the rule's error action sends to the ingest dead-letter queue with, and may do nothing else with. */
    public Role errorActionRole() {
        return errorActionRole;
    }
}
