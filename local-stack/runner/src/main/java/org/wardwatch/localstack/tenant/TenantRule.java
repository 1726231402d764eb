package org.wardwatch.localstack.tenant;

import java.time.Duration;
import java.util.Map;

/**
 * One of the tenant stack's topic rules ({@code AWS::IoT::TopicRule}) as the local rules engine runs it: its SQL,
 * the function its Lambda action invokes, and its error action's queue.
 *
 * @param errorQueueUrl the rule's error action (SQS)
 */
public record TenantRule(String name, String sql, String errorQueueUrl, Target target) {

    /**
     * The function a rule's Lambda action invokes asynchronously, with the function's asynchronous invoke
     * configuration ({@code AWS::Lambda::EventInvokeConfig}).
     *
     * @param handlerName the function's {@code QUARKUS_LAMBDA_HANDLER}: {@code telemetry}, {@code presence}, ...
     * @param functionArn the unqualified function ARN
     * @param runtimeHandler the function's {@code Handler} property (the Quarkus stream handler)
     * @param environment the function's environment variables, references resolved
     * @param onFailureQueueUrl the asynchronous on-failure destination (SQS)
     */
    public record Target(String handlerName, String functionName, String functionArn, String runtimeHandler,
                         Map<String, String> environment, Duration timeout, int memoryMb, int retryAttempts,
                         String onFailureQueueUrl) {
    }
}
