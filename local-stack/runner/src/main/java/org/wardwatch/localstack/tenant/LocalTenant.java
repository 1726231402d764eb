package org.wardwatch.localstack.tenant;

import java.time.Duration;
import java.util.Map;

/**
 * A tenant stack as created in the emulator from its synthesized template: what the broker, the rules engine and
 * the function runner need to behave as the deployed stack does.
 *
 * @param staffQueueUrl an SQS queue subscribed to the alert topic, standing in for staff phones and mailboxes
 * @param ruleErrorQueueUrl the topic rule's error action (SQS)
 * @param onFailureQueueUrl the function's asynchronous on-failure destination (SQS)
 * @param functionEnvironment the function's environment variables, references resolved
 * @param retryAttempts the function's asynchronous retry attempts
 * @param environments the environment of each of the stack's functions, by handler ({@code telemetry},
 *                     {@code redrive}, ...), references resolved
 */
public record LocalTenant(String tenantId, String region, String account, String devicesTable,
                          String readingsTable, String quarantineTable, String alertTopicArn, String staffQueueUrl,
                          String ruleName, String ruleSql, String ruleErrorQueueUrl, String onFailureQueueUrl,
                          String policyName, String functionName, String functionArn, String handler,
                          Map<String, String> functionEnvironment, Duration functionTimeout, int functionMemoryMb,
                          int retryAttempts, Map<String, Map<String, String>> environments) {

    /** The topic a device publishes its telemetry on. */
    public String telemetryTopic(String thing) {
        return "tenants/" + tenantId + "/devices/" + thing + "/telemetry";
    }
}
