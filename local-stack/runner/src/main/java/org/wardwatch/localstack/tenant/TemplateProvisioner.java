package org.wardwatch.localstack.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.localstack.rules.UnsupportedRuleException;
import org.wardwatch.model.tenant.FunctionEnvironment;
import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.TenantNames;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates a tenant stack in the emulator from its synthesized CloudFormation template: DynamoDB tables (keys,
 * indexes, TTL), SNS topics, SQS queues, the IoT device policy and, when the template has one, the staff user pool
 * with its groups and app clients (Cognito), exactly as named in the template; and reads every topic rule from it,
 * each with the function its Lambda action invokes (that function's environment and asynchronous invoke
 * configuration). Staff subscriptions (SMS, e-mail) are replaced by one SQS queue. KMS encryption at rest, IAM,
 * alarms and logs are not emulated. The staff API (its function, which has no {@code QUARKUS_LAMBDA_HANDLER}, and
 * its API Gateway resources) is read for the local front ({@link HttpApis}), which serves it when asked.
 */
public final class TemplateProvisioner {

    private final DynamoDbClient dynamo;
    private final SnsClient sns;
    private final SqsClient sqs;
    private final IotClient iot;
    private final UserPools userPools;

    public TemplateProvisioner(DynamoDbClient dynamo, SnsClient sns, SqsClient sqs, IotClient iot,
                               CognitoIdentityProviderClient cognito) {
        this.dynamo = dynamo;
        this.sns = sns;
        this.sqs = sqs;
        this.iot = iot;
        this.userPools = new UserPools(cognito);
    }

    public LocalTenant provision(Path template, String region, String account) {
        TemplateResources t = new TemplateResources(template, region, account);
        Map<String, String> tableNames = new LinkedHashMap<>();
        t.ofType("AWS::DynamoDB::Table").forEach((id, p) -> {
            String name = createTable(t, p);
            tableNames.put(id, name);
            t.define(id, name, Map.of("Arn", "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name));
        });
        t.ofType("AWS::SNS::Topic").forEach((id, p) -> {
            String arn = sns.createTopic(b -> b.name(t.string(p.get("TopicName")))).topicArn();
            t.define(id, arn, Map.of("TopicArn", arn, "TopicName", t.string(p.get("TopicName"))));
        });
        Map<String, String> queueUrlsByArn = new LinkedHashMap<>();
        t.ofType("AWS::SQS::Queue").forEach((id, p) -> {
            String name = t.string(p.get("QueueName"));
            String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
            String arn = queueArn(url);
            queueUrlsByArn.put(arn, url);
            t.define(id, url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
        });
        Optional<StaffPool> staffPool = userPools.create(t, region);
        Map.Entry<String, JsonNode> policy = t.single("AWS::IoT::Policy");
        String policyName = t.string(policy.getValue().get("PolicyName"));
        String document = t.resolveTree(policy.getValue().get("PolicyDocument")).toString();
        try {
            iot.createPolicy(b -> b.policyName(policyName).policyDocument(document));
        } catch (ResourceAlreadyExistsException e) {
            // an earlier run in the same emulator
        }

        // Every function of the device-facing artifact (telemetry, presence, redrive, admission, ...) by its
        // handler.
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        Map<String, String> functionIdsByName = new LinkedHashMap<>();
        t.ofType("AWS::Lambda::Function").forEach((id, f) -> {
            String name = t.string(f.get("FunctionName"));
            t.define(id, name, Map.of("Arn", "arn:aws:lambda:" + region + ":" + account + ":function:" + name));
            functionIdsByName.put(name, id);
        });
        t.ofType("AWS::Lambda::Alias").forEach((id, p) -> t.define(id, "arn:aws:lambda:" + region + ":" + account
                + ":function:" + t.string(p.get("FunctionName")) + ":" + t.string(p.get("Name")), Map.of()));
        t.ofType("AWS::Lambda::Function").forEach((id, f) -> {
            // A function of an artifact of its own (the staff API's) has no handler: the HTTP API's front runs it.
            if (f.path("Environment").path("Variables").has(FunctionEnvironment.HANDLER)) {
                Map<String, String> environment = environment(t, f);
                environments.put(handlerName(environment), environment);
            }
        });

        Optional<TenantHttpApi> httpApi = HttpApis.read(t, functionIdsByName, id -> {
            JsonNode f = t.ofType("AWS::Lambda::Function").get(id);
            return new TenantHttpApi.Function(t.string(f.get("FunctionName")), t.string(f.get("Handler")),
                    environment(t, f), Duration.ofSeconds(f.path("Timeout").asInt(3)), f.path("MemorySize").asInt(128));
        });

        List<TenantRule> rules = new ArrayList<>();
        t.ofType("AWS::IoT::TopicRule").forEach((id, rule) -> {
            TenantRule read = rule(t, id, rule, functionIdsByName, queueUrlsByArn);
            if (read != null) {
                rules.add(read);
            }
        });
        String telemetryHandler = Handler.TELEMETRY.handlerName();
        TenantRule telemetry = rules.stream().filter(r -> r.target().handlerName().equals(telemetryHandler)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the tenant template has no topic rule invoking the telemetry function"));
        TenantRule.Target function = telemetry.target();
        Map<String, String> environment = function.environment();

        String alertTopicArn = environment.get(FunctionEnvironment.ALERT_TOPIC_ARN);
        String tenantId = environment.get(FunctionEnvironment.TENANT_ID);
        String staffQueueName = new TenantNames(tenantId).resource("local-staff-inbox");
        String staffQueue = sqs.createQueue(b -> b.queueName(staffQueueName)).queueUrl();
        sns.subscribe(b -> b.topicArn(alertTopicArn).protocol("sqs").endpoint(queueArn(staffQueue)));

        return new LocalTenant(tenantId, region, account, environment.get(FunctionEnvironment.DEVICES_TABLE),
                environment.get(FunctionEnvironment.READINGS_TABLE),
                environment.get(FunctionEnvironment.QUARANTINE_TABLE),
                alertTopicArn, staffQueue, telemetry.name(), telemetry.sql(), telemetry.errorQueueUrl(),
                function.onFailureQueueUrl(), policyName, function.functionName(), function.functionArn(),
                function.runtimeHandler(), environment, function.timeout(), function.memoryMb(),
                function.retryAttempts(), environments, List.copyOf(rules), staffPool, httpApi);
    }

    /**
     * One topic rule with the function its Lambda action invokes; null for a disabled rule, which IoT Core does not
     * run either. A rule whose action is not exactly one Lambda action invoking a function of the template, or that
     * has no SQS error action, is refused: the local stack would otherwise drop what it matches without a trace.
     */
    private static TenantRule rule(TemplateResources t, String id, JsonNode rule, Map<String, String> functionIdsByName,
                                   Map<String, String> queueUrlsByArn) {
        JsonNode payload = rule.path("TopicRulePayload");
        if (payload.path("RuleDisabled").asBoolean(false)) {
            return null;
        }
        String name = rule.hasNonNull("RuleName") ? t.string(rule.get("RuleName")) : id;
        JsonNode actions = payload.path("Actions");
        if (actions.size() != 1 || !actions.get(0).has("Lambda")) {
            throw new UnsupportedRuleException("rule " + name + ": only one Lambda action per rule is emulated "
                    + "locally, found " + actions);
        }
        String functionArn = t.string(actions.get(0).get("Lambda").get("FunctionArn"));
        // arn:aws:lambda:<region>:<account>:function:<name>[:<alias or version>]
        String[] arn = functionArn == null ? new String[0] : functionArn.split(":");
        String functionId = arn.length >= 7 && arn[5].equals("function") ? functionIdsByName.get(arn[6]) : null;
        if (functionId == null) {
            throw new UnsupportedRuleException("rule " + name + ": its action " + functionArn
                    + " is not a Lambda function of the tenant template");
        }
        String qualifier = arn.length >= 8 ? arn[7] : null;
        JsonNode errorQueue = payload.path("ErrorAction").path("Sqs").get("QueueUrl");
        if (errorQueue == null) {
            throw new UnsupportedRuleException("rule " + name + " has no SQS error action");
        }
        JsonNode f = t.ofType("AWS::Lambda::Function").get(functionId);
        String functionName = arn[6];
        Map<String, String> environment = environment(t, f);
        JsonNode invokeConfig = invokeConfig(t, functionName, qualifier);
        String onFailureArn = t.string(invokeConfig.path("DestinationConfig").path("OnFailure").get("Destination"));
        String onFailureUrl = queueUrlsByArn.get(onFailureArn);
        if (onFailureUrl == null) {
            throw new IllegalArgumentException("the on-failure destination of " + functionName
                    + " is not one of the template's queues");
        }
        TenantRule.Target target = new TenantRule.Target(handlerName(environment), functionName,
                "arn:aws:lambda:" + arn[3] + ":" + arn[4] + ":function:" + functionName, t.string(f.get("Handler")),
                environment, Duration.ofSeconds(f.path("Timeout").asInt(3)), f.path("MemorySize").asInt(128),
                invokeConfig.path("MaximumRetryAttempts").asInt(2), onFailureUrl);
        return new TenantRule(name, t.string(payload.get("Sql")), t.string(errorQueue), target);
    }

    /** The function's asynchronous invoke configuration for the invoked qualifier (or its only one). */
    private static JsonNode invokeConfig(TemplateResources t, String functionName, String qualifier) {
        List<JsonNode> configs = t.ofType("AWS::Lambda::EventInvokeConfig").values().stream()
                .filter(c -> functionName.equals(t.string(c.get("FunctionName")))).toList();
        return configs.stream().filter(c -> qualifier == null || qualifier.equals(t.string(c.get("Qualifier"))))
                .findFirst()
                .or(() -> configs.size() == 1 ? java.util.Optional.of(configs.get(0)) : java.util.Optional.empty())
                .orElseThrow(() -> new IllegalArgumentException(functionName
                        + " has no asynchronous invoke configuration with an on-failure destination"));
    }

    private static Map<String, String> environment(TemplateResources t, JsonNode function) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = function.path("Environment").path("Variables").fields();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            environment.put(e.getKey(), onThisMachine(t.string(e.getValue()), t.layerDirectories(function)));
        }
        return environment;
    }

    /**
     * A path under /opt (where Lambda unpacks the function's layers, e.g. the tenant configuration file) as the
     * file in the layer's directory on this machine; any other value as it is.
     */
    private static String onThisMachine(String value, List<java.nio.file.Path> layers) {
        if (value == null || !value.startsWith("/opt/")) {
            return value;
        }
        String inLayer = value.substring("/opt/".length());
        return layers.stream().map(layer -> layer.resolve(inLayer)).filter(java.nio.file.Files::isRegularFile)
                .findFirst().map(java.nio.file.Path::toString).orElse(value);
    }

    private static String handlerName(Map<String, String> environment) {
        return environment.getOrDefault(FunctionEnvironment.HANDLER, Handler.TELEMETRY.handlerName());
    }

    private String createTable(TemplateResources t, JsonNode p) {
        String name = t.string(p.get("TableName"));
        List<AttributeDefinition> attributes = new ArrayList<>();
        p.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
                .attributeName(a.get("AttributeName").asText()).attributeType(a.get("AttributeType").asText()).build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        p.path("GlobalSecondaryIndexes").forEach(g -> indexes.add(GlobalSecondaryIndex.builder()
                .indexName(g.get("IndexName").asText())
                .keySchema(keys(g.get("KeySchema")))
                .projection(Projection.builder().projectionType(g.path("Projection").path("ProjectionType").asText("ALL")).build())
                .build()));
        try {
            dynamo.createTable(b -> {
                b.tableName(name).attributeDefinitions(attributes).keySchema(keys(p.get("KeySchema")))
                        .billingMode(p.path("BillingMode").asText("PAY_PER_REQUEST"));
                if (!indexes.isEmpty()) {
                    b.globalSecondaryIndexes(indexes);
                }
            });
            JsonNode ttl = p.get("TimeToLiveSpecification");
            if (ttl != null && ttl.path("Enabled").asBoolean()) {
                dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s
                        .attributeName(ttl.get("AttributeName").asText()).enabled(true)));
            }
        } catch (ResourceInUseException e) {
            // an earlier run in the same emulator
        }
        return name;
    }

    private static List<KeySchemaElement> keys(JsonNode schema) {
        List<KeySchemaElement> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(KeySchemaElement.builder().attributeName(k.get("AttributeName").asText())
                .keyType(k.get("KeyType").asText()).build()));
        return keys;
    }

    private String queueArn(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
