package org.wardwatch.infra;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.CfnEventInvokeConfig;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.List;

/**
 * A tenant function as the target of a topic rule, the same for the telemetry and the presence rules: IoT invokes
 * the function's {@code live} alias asynchronously, Lambda retries twice and then sends the event to a failures
 * queue, and what IoT could not invoke goes to the rule's error action queue. The resources keep the ids they had in
 * each construct ({@code AsyncInvokeConfig}, {@code TopicRule}, {@code InvokeFromTopicRule}).
 */
final class RuleTarget {

    private RuleTarget() {
    }

    /**
     * Two retries, then {@code failureQueue}. Written as L1 with its own grant because CDK's SqsDestination also
     * grants kms:Encrypt and kms:ReEncrypt*, which sending to an encrypted queue does not need.
     */
    static void retryTwiceThenFailTo(Construct scope, TenantFunction target, IQueue failureQueue, IKey key) {
        grantSend(failureQueue, target.function(), key);
        CfnEventInvokeConfig asyncInvoke = CfnEventInvokeConfig.Builder.create(scope, "AsyncInvokeConfig")
                .functionName(target.function().getFunctionName())
                .qualifier(TenantFunction.ALIAS)
                .maximumRetryAttempts(2)
                .destinationConfig(CfnEventInvokeConfig.DestinationConfigProperty.builder()
                        .onFailure(CfnEventInvokeConfig.OnFailureProperty.builder()
                                .destination(failureQueue.getQueueArn())
                                .build())
                        .build())
                .build();
        // Lambda checks the destination permission when the config is created: after the alias and the policy.
        asyncInvoke.getNode().addDependency(target.alias(), target.role());
    }

    /**
     * The topic rule: {@code sql} (AWS IoT SQL 2016-03-23), one Lambda action on the target's alias, the SQS error
     * action sending to {@code deadLetterQueue} with {@code errorActionRole}; and the alias' permission for IoT to
     * invoke it from this rule, in this account, only.
     */
    static CfnTopicRule topicRule(Construct scope, String ruleName, String description, String sql,
                                  TenantFunction target, IQueue deadLetterQueue, IRole errorActionRole) {
        CfnTopicRule rule = CfnTopicRule.Builder.create(scope, "TopicRule")
                .ruleName(ruleName)
                .topicRulePayload(CfnTopicRule.TopicRulePayloadProperty.builder()
                        .description(description)
                        .sql(sql)
                        .awsIotSqlVersion("2016-03-23")
                        .ruleDisabled(false)
                        .actions(List.of(CfnTopicRule.ActionProperty.builder()
                                .lambda(CfnTopicRule.LambdaActionProperty.builder()
                                        .functionArn(target.alias().getFunctionArn())
                                        .build())
                                .build()))
                        .errorAction(CfnTopicRule.ActionProperty.builder()
                                .sqs(CfnTopicRule.SqsActionProperty.builder()
                                        .queueUrl(deadLetterQueue.getQueueUrl())
                                        .roleArn(errorActionRole.getRoleArn())
                                        .useBase64(false)
                                        .build())
                                .build())
                        .build())
                .build();
        target.alias().addPermission("InvokeFromTopicRule", Permission.builder()
                .principal(new ServicePrincipal("iot.amazonaws.com"))
                .action("lambda:InvokeFunction")
                .sourceArn(rule.getAttrArn())
                .sourceAccount(Stack.of(scope).getAccount())
                .build());
        return rule;
    }

    /** What sending to a KMS-encrypted queue takes, and nothing else (no GetQueueUrl, no kms:Encrypt). */
    static void grantSend(IQueue queue, IGrantable sender, IKey key) {
        queue.grant(sender, "sqs:SendMessage");
        key.grant(sender, "kms:Decrypt", "kms:GenerateDataKey");
    }
}
