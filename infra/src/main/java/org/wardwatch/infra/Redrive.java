package org.wardwatch.infra;

import org.wardwatch.model.tenant.FunctionEnvironment;
import org.wardwatch.model.tenant.Handler;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.List;

/**
 * The {@code redrive} function, which an operator invokes by hand once a fault is fixed (infra/README.md, "Replay
 * the dead-letter queues"): it receives up to 1,000 messages from the topic rules' error-action queue and the
 * telemetry and presence functions' on-failure destination, processes each through the telemetry code (or, for an
 * IoT lifecycle event, the presence code) and deletes it once processed. This construct lets it consume those two
 * queues and nothing else; the telemetry function's own access (tables, alert topic), which covers what the presence
 * code does, is granted by the stack, as for the telemetry function.
 *
 * <p>15 minutes, Lambda's longest timeout, for a full batch; reserved concurrency 1, because two redrives at once
 * would only compete for the same messages. No asynchronous invocation config: it is invoked synchronously.
 */
public final class Redrive extends Construct {

    public static final String HANDLER = Handler.REDRIVE.handlerName();

    private final TenantFunction function;

    public Redrive(Construct scope, String id, RedriveProps props) {
        super(scope, id);
        function = new TenantFunction(this, TenantFunction.ID, TenantFunctionProps.builder()
                .names(props.names())
                .handler(Handler.REDRIVE)
                .description("replays the dead-letter queues (telemetry and lifecycle events) once a fault is fixed")
                .settings(props.settings())
                .encryptionKey(props.encryptionKey())
                .reservedConcurrency(1)
                .build());
        Function redrive = function.function();
        redrive.addEnvironment(FunctionEnvironment.RULE_ERROR_QUEUE_URL, props.ruleErrorQueue().getQueueUrl());
        redrive.addEnvironment(FunctionEnvironment.FAILURE_QUEUE_URL, props.failureQueue().getQueueUrl());

        // Not IQueue.grantConsumeMessages, which adds ChangeMessageVisibility and GetQueueUrl: the handler needs
        // these three, and kms:Decrypt to read what was encrypted with the tenant's key.
        for (IQueue queue : List.of(props.ruleErrorQueue(), props.failureQueue())) {
            queue.grant(redrive, "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
        }
        props.encryptionKey().grant(redrive, "kms:Decrypt");
    }

    public Function function() {
        return function.function();
    }

    public Alias alias() {
        return function.alias();
    }
}
