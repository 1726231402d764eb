package org.wardwatch.localstack.tenant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.TenantNames;

/**
 * A tenant stack as created in the emulator from its synthesized template: what the broker, the rules engine and
 * the function runner need to behave as the deployed stack does. The {@code rule...}, {@code function...},
 * {@code handler}, {@code onFailureQueueUrl} and {@code retryAttempts} components describe the telemetry rule and
 * its function; {@link #rules()} has every rule of the stack, that one included.
 *
 * @param staffQueueUrl an SQS queue subscribed to the alert topic, standing in for staff phones and mailboxes
 * @param ruleErrorQueueUrl the telemetry rule's error action (SQS)
 * @param onFailureQueueUrl the telemetry function's asynchronous on-failure destination (SQS)
 * @param functionEnvironment the telemetry function's environment variables, references resolved
 * @param retryAttempts the telemetry function's asynchronous retry attempts
 * @param environments the environment of each of the stack's functions, by handler ({@code telemetry},
 *                     {@code redrive}, ...), references resolved
 * @param rules every enabled topic rule of the stack, in template order, each with the function it invokes
 * @param staffPool the staff user pool and the dashboard's app client, when the template has them
 * @param httpApi the staff HTTP API and its function, when the template has them
 */
public record LocalTenant(String tenantId, String region, String account, String devicesTable,
                          String readingsTable, String quarantineTable, String alertTopicArn, String staffQueueUrl,
                          String ruleName, String ruleSql, String ruleErrorQueueUrl, String onFailureQueueUrl,
                          String policyName, String functionName, String functionArn, String handler,
                          Map<String, String> functionEnvironment, Duration functionTimeout, int functionMemoryMb,
                          int retryAttempts, Map<String, Map<String, String>> environments,
                          List<TenantRule> rules, Optional<StaffPool> staffPool,
                          Optional<TenantHttpApi> httpApi) {

    /** The rule invoking the telemetry function. */
    public TenantRule telemetryRule() {
        return ruleFor(Handler.TELEMETRY.handlerName()).orElseThrow();
    }

    /** The rule whose action invokes the function with this handler ({@code presence}, ...), if the stack has one. */
    public Optional<TenantRule> ruleFor(String handlerName) {
        return rules.stream().filter(r -> r.target().handlerName().equals(handlerName)).findFirst();
    }

    /** The topic a device publishes its telemetry on. */
    public String telemetryTopic(String thing) {
        return new TenantNames(tenantId).telemetryTopic(thing);
    }
}
