package org.wardwatch.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.CfnEventInvokeConfig;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Permission;
import software.constructs.Construct;

import java.util.List;

/**
 * IoT Core's lifecycle events to the {@code presence} function, which records each device's connection
 * (functions/README.md, "Presence"): the presence topic rule, {@code SELECT * FROM '$aws/events/presence/+/+'},
 * invoking the function's {@code live} alias. Failures go where telemetry's go, so that one redrive replays both:
 * the rule's error action to the ingest dead-letter queue (through the telemetry rule's error-action role, which may
 * only send there), and, after Lambda's 2 retries, the alias' asynchronous on-failure destination, the failures
 * queue. The stack grants the function {@link ReadingsStore#grantPresenceAccess}.
 *
 * <p>IoT Core publishes every client's lifecycle events of the account and region on these topics: a client id that is
 * not one of this tenant's registered devices is quarantined by the function ({@code UNKNOWN_DEVICE}).
 */
public final class Presence extends Construct {

    public static final String HANDLER = "presence";
    /** The rule's SQL: the event as IoT Core publishes it, which is what the function reads. */
    public static final String SQL = "SELECT * FROM '$aws/events/presence/+/+'";

    private final TenantFunction function;
    private final CfnTopicRule rule;

    public Presence(Construct scope, String id, PresenceProps props) {
        super(scope, id);
        TenantNames names = props.names();
        function = new TenantFunction(this, TenantFunction.ID, TenantFunctionProps.builder()
                .names(names)
                .handler(HANDLER)
                .description("records devices' IoT connections and disconnections")
                .settings(props.settings())
                .encryptionKey(props.encryptionKey())
                .timeout(Duration.seconds(30))
                .build());
        Function presence = function.function();
        Alias alias = function.alias();

        // As the telemetry function's: 2 retries, then the failures queue (L1 with its own grant; see Ingest).
        Ingest.grantSend(props.failureQueue(), presence, props.encryptionKey());
        CfnEventInvokeConfig asyncInvoke = CfnEventInvokeConfig.Builder.create(this, "AsyncInvokeConfig")
                .functionName(presence.getFunctionName())
                .qualifier(TenantFunction.ALIAS)
                .maximumRetryAttempts(2)
                .destinationConfig(CfnEventInvokeConfig.DestinationConfigProperty.builder()
                        .onFailure(CfnEventInvokeConfig.OnFailureProperty.builder()
                                .destination(props.failureQueue().getQueueArn())
                                .build())
                        .build())
                .build();
        asyncInvoke.getNode().addDependency(alias, function.role());

        rule = CfnTopicRule.Builder.create(this, "TopicRule")
                .ruleName(names.presenceRule())
                .topicRulePayload(CfnTopicRule.TopicRulePayloadProperty.builder()
                        .description("wardwatch " + names.tenantId() + ": IoT lifecycle events to the presence function")
                        .sql(SQL)
                        .awsIotSqlVersion("2016-03-23")
                        .ruleDisabled(false)
                        .actions(List.of(CfnTopicRule.ActionProperty.builder()
                                .lambda(CfnTopicRule.LambdaActionProperty.builder()
                                        .functionArn(alias.getFunctionArn())
                                        .build())
                                .build()))
                        .errorAction(CfnTopicRule.ActionProperty.builder()
                                .sqs(CfnTopicRule.SqsActionProperty.builder()
                                        .queueUrl(props.deadLetterQueue().getQueueUrl())
                                        .roleArn(props.errorActionRole().getRoleArn())
                                        .useBase64(false)
                                        .build())
                                .build())
                        .build())
                .build();

        alias.addPermission("InvokeFromTopicRule", Permission.builder()
                .principal(new ServicePrincipal("iot.amazonaws.com"))
                .action("lambda:InvokeFunction")
                .sourceArn(rule.getAttrArn())
                .sourceAccount(Stack.of(this).getAccount())
                .build());
    }

    public Function function() {
        return function.function();
    }

    public Alias alias() {
        return function.alias();
    }

    public CfnTopicRule rule() {
        return rule;
    }
}
