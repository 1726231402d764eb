package org.wardwatch.infra;

import org.wardwatch.infra.config.FunctionRuntime;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnEventInvokeConfig;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.util.List;

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

    public static final String JVM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    public static final String NATIVE_HANDLER = "bootstrap";
    public static final String ALIAS = "live";

    private final Function function;
    private final Alias alias;
    private final Queue deadLetterQueue;
    private final Queue failureQueue;
    private final CfnTopicRule rule;

    public Ingest(Construct scope, String id, IngestProps props) {
        super(scope, id);
        TenantNames names = props.names();

        deadLetterQueue = encryptedQueue("DeadLetterQueue", names.resource("ingest-dlq"), props);
        failureQueue = encryptedQueue("FailureQueue", names.resource("telemetry-failures"), props);

        String functionName = names.resource("telemetry");
        String logGroupName = "/aws/lambda/" + functionName;
        allowLogsToUseKey(props.encryptionKey(), logGroupName);
        LogGroup logGroup = LogGroup.Builder.create(this, "LogGroup")
                .logGroupName(logGroupName)
                .encryptionKey(props.encryptionKey())
                .build();
        // Any of CloudWatch's periods (validated with the config), not only those the RetentionDays enum names.
        ((CfnLogGroup) logGroup.getNode().getDefaultChild()).setRetentionInDays(props.logRetentionDays());

        // An own role instead of AWSLambdaBasicExecutionRole, whose logs statements apply to every log group ("*").
        Role role = Role.Builder.create(this, "FunctionRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("wardwatch " + names.tenantId() + " telemetry function")
                .build();
        logGroup.grantWrite(role);

        boolean jvm = props.runtime() == FunctionRuntime.JVM;
        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(functionName)
                .description("wardwatch " + names.tenantId() + ": validates and stores device telemetry")
                .code(props.functionCode())
                .runtime(jvm ? Runtime.JAVA_21 : Runtime.PROVIDED_AL2023)
                .handler(jvm ? JVM_HANDLER : NATIVE_HANDLER)
                .architecture(Architecture.X86_64)
                .memorySize(props.memoryMb())
                .timeout(Duration.seconds(30))
                .role(role)
                .logGroup(logGroup)
                .environment(props.environment());
        if (jvm) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        if (props.reservedConcurrency() != null) {
            builder.reservedConcurrentExecutions(props.reservedConcurrency());
        }
        function = builder.build();
        if (jvm) {
            // CDK warns that SnapStart applies to published versions only: the live alias below is one.
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "the topic rule invokes the live alias of a published version");
        }

        alias = Alias.Builder.create(this, "LiveAlias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();

        // IoT invokes asynchronously: Lambda retries twice, then sends the event to the failures queue. Written as
        // L1 with its own grant because CDK's SqsDestination also grants kms:Encrypt and kms:ReEncrypt*, which
        // sending to an encrypted queue does not need.
        grantSend(failureQueue, function, props.encryptionKey());
        CfnEventInvokeConfig asyncInvoke = CfnEventInvokeConfig.Builder.create(this, "AsyncInvokeConfig")
                .functionName(function.getFunctionName())
                .qualifier(ALIAS)
                .maximumRetryAttempts(2)
                .destinationConfig(CfnEventInvokeConfig.DestinationConfigProperty.builder()
                        .onFailure(CfnEventInvokeConfig.OnFailureProperty.builder()
                                .destination(failureQueue.getQueueArn())
                                .build())
                        .build())
                .build();
        // Lambda checks the destination permission when the config is created: after the alias and the policy.
        asyncInvoke.getNode().addDependency(alias, role);

        Role errorActionRole = Role.Builder.create(this, "RuleErrorActionRole")
                .assumedBy(new ServicePrincipal("iot.amazonaws.com"))
                .description("wardwatch " + names.tenantId() + " topic rule error action")
                .build();
        grantSend(deadLetterQueue, errorActionRole, props.encryptionKey());

        rule = CfnTopicRule.Builder.create(this, "TopicRule")
                .ruleName(names.topicRule())
                .topicRulePayload(CfnTopicRule.TopicRulePayloadProperty.builder()
                        .description("wardwatch " + names.tenantId() + ": device telemetry to the function")
                        .sql(String.format(SQL, names.telemetryTopicFilter()))
                        .awsIotSqlVersion("2016-03-23")
                        .ruleDisabled(false)
                        .actions(List.of(CfnTopicRule.ActionProperty.builder()
                                .lambda(CfnTopicRule.LambdaActionProperty.builder()
                                        .functionArn(alias.getFunctionArn())
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

        alias.addPermission("InvokeFromTopicRule", Permission.builder()
                .principal(new ServicePrincipal("iot.amazonaws.com"))
                .action("lambda:InvokeFunction")
                .sourceArn(rule.getAttrArn())
                .sourceAccount(Stack.of(this).getAccount())
                .build());
    }

    /**
     * CloudWatch Logs encrypts a log group only with a key whose policy lets the regional Logs service use it. A key
     * policy's resource is always "*" (the key itself); the encryption context limits it to this one log group.
     */
    private void allowLogsToUseKey(IKey key, String logGroupName) {
        Stack stack = Stack.of(this);
        String logGroupArn = stack.formatArn(ArnComponents.builder()
                .service("logs")
                .resource("log-group")
                .resourceName(logGroupName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchLogsToUseTheKey")
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(OrderedMaps.of("ArnEquals",
                        OrderedMaps.of("kms:EncryptionContext:aws:logs:arn", logGroupArn)))
                .build());
    }

    /** What sending to a KMS-encrypted queue takes, and nothing else (no GetQueueUrl, no kms:Encrypt). */
    private static void grantSend(Queue queue, IGrantable sender, IKey key) {
        queue.grant(sender, "sqs:SendMessage");
        key.grant(sender, "kms:Decrypt", "kms:GenerateDataKey");
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
}
