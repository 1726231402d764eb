package org.wardwatch.functions.lambda;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One tenant's resources in the emulator, created as functions/README.md lays them out: tables, alert topic,
 * and an SQS queue subscribed to the topic that stands in for staff phones and mailboxes.
 */
public final class TestTenant {

    public static final String ID = "st-elsewhere";
    public static final String READINGS = "wardwatch-" + ID + "-readings";
    public static final String QUARANTINE = "wardwatch-" + ID + "-quarantine";
    public static final String DEVICES = "wardwatch-" + ID + "-devices";

    private static TestTenant provisioned;

    public final URI endpoint;
    public final DynamoDbClient dynamo;
    public final SqsClient sqs;
    public final String topicArn;
    public final String staffQueueUrl;

    private TestTenant(URI endpoint) {
        this.endpoint = endpoint;
        this.dynamo = DynamoDbClient.builder().endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        this.sqs = SqsClient.builder().endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        createTables();
        try (SnsClient sns = SnsClient.builder().endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            this.topicArn = sns.createTopic(b -> b.name("wardwatch-" + ID + "-alerts")).topicArn();
            this.staffQueueUrl = sqs.createQueue(b -> b.queueName("wardwatch-" + ID + "-staff")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(staffQueueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
        }
    }

    /** The redrive function's two queues: the functions' on-failure destination and the rules' error action. */
    public record DeadLetterQueues(String failures, String ruleErrors) {
    }

    /**
     * Dead-letter queues of one test's own, created on first use: a test of the redrive function reads all its
     * queues hold, so no two tests share them.
     */
    public DeadLetterQueues deadLetterQueues(String owner) {
        String prefix = "wardwatch-" + ID + "-" + owner;
        return new DeadLetterQueues(sqs.createQueue(b -> b.queueName(prefix + "-telemetry-failures")).queueUrl(),
                sqs.createQueue(b -> b.queueName(prefix + "-ingest-dlq")).queueUrl());
    }

    /** The tenant, provisioned once per JVM in the shared emulator. */
    /**
     * The tenant configuration the handler tests run with: these tests are about storage, delivery and redelivery,
     * with device times hours before their fixed receive time ({@link Telemetry#RECEIVED_AT}) and alerts expected at
     * the first reading, so no reading is too old and no bed parameter waits. The alarm delays and the reading age
     * have their own tests (core's BedAlertTest, service's AlertsAtTheBedTest, with the defaults).
     */
    /** The ward that scores NEWS2 in {@link #DELIVERY_CONFIG} (every other ward is on thresholds). */
    public static final String NEWS2_WARD = "HDL-NEWS2";

    public static final String DELIVERY_CONFIG = "{\"maxReadingAgeMinutes\": 525600,"
            + " \"wards\": {\"" + NEWS2_WARD + "\": {\"vitals\": \"news2\"}}, \"alarmDelays\": {"
            + "\"spo2\": {\"confirmSeconds\": 0, \"resolveSeconds\": 0},"
            + " \"heart_rate\": {\"confirmSeconds\": 0, \"resolveSeconds\": 0},"
            + " \"respiratory_rate\": {\"resolveSeconds\": 0}, \"systolic_bp\": {\"resolveSeconds\": 0}}}";

    /** {@link #DELIVERY_CONFIG} as the file the stack's layer would hold. */
    public static synchronized java.nio.file.Path deliveryConfigFile() {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "delivery-tenant-config.json");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, DELIVERY_CONFIG);
            return file.toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A bed parameter's alert item ({@code P#<metric>} of {@code B#<ward>#<bed>}), read consistently. */
    public Map<String, AttributeValue> bedParameter(String ward, String bed, String metric) {
        return dynamo.getItem(b -> b.tableName(READINGS).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("B#" + ward + "#" + bed), "sk", AttributeValue.fromS("P#" + metric))))
                .item();
    }

    public static synchronized TestTenant provision(URI endpoint) {
        if (provisioned == null || !provisioned.endpoint.equals(endpoint)) {
            provisioned = new TestTenant(endpoint);
        }
        return provisioned;
    }

    public static synchronized TestTenant get() {
        if (provisioned == null) {
            throw new IllegalStateException("EmulatorResource has not started");
        }
        return provisioned;
    }

    /** Registers a device in the tenant's registry, as device-certs register does. */
    public void registerDevice(String thing, String kind, String ward, String bed, String status, String tenant) {
        registerDevice(thing, kind, ward, bed, status, tenant, null);
    }

    /** Registers a device with a storage profile (storage sensors), as device-certs register does. */
    public void registerDevice(String thing, String kind, String ward, String bed, String status, String tenant,
                               String storageProfile) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("thingName", AttributeValue.fromS(thing));
        item.put("tenantId", AttributeValue.fromS(tenant));
        item.put("kind", AttributeValue.fromS(kind));
        item.put("status", AttributeValue.fromS(status));
        if (ward != null) {
            item.put("ward", AttributeValue.fromS(ward));
        }
        if (bed != null) {
            item.put("bed", AttributeValue.fromS(bed));
        }
        if (storageProfile != null) {
            item.put("storageProfile", AttributeValue.fromS(storageProfile));
        }
        dynamo.putItem(b -> b.tableName(DEVICES).item(item));
    }

    /** Registers a storage sensor (fridge or freezer) with its storage profile. */
    public void registerStorageSensor(String thing, String ward, String storageProfile) {
        registerDevice(thing, "storage_sensor", ward, null);
        dynamo.updateItem(b -> b.tableName(DEVICES).key(Map.of("thingName", AttributeValue.fromS(thing)))
                .updateExpression("SET storageProfile = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(storageProfile))));
    }

    public void registerDevice(String thing, String kind, String ward, String bed) {
        registerDevice(thing, kind, ward, bed, "ACTIVE", ID);
    }

    private void createTables() {
        create(READINGS, List.of("pk", "sk", "bedKey", "patientRef", "openIndex", "openKey", "wardIndex", "wardSort"),
                "pk", "sk", List.of(index("byBed", "bedKey", "sk"), index("byPatient", "patientRef", "sk"),
                        index("byOpenAlert", "openIndex", "openKey"), index("byWard", "wardIndex", "wardSort")));
        create(QUARANTINE, List.of("pk", "sk", "reason"), "pk", "sk", List.of(index("byReason", "reason", "sk")));
        create(DEVICES, List.of("thingName"), "thingName", null, List.of());
    }

    private void create(String table, List<String> attributes, String hash, String range,
                        List<GlobalSecondaryIndex> indexes) {
        try {
            dynamo.createTable(b -> {
                b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attributes.stream().map(a -> AttributeDefinition.builder()
                                .attributeName(a).attributeType(ScalarAttributeType.S).build()).toList());
                if (range == null) {
                    b.keySchema(key(hash, KeyType.HASH));
                } else {
                    b.keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE));
                }
                if (!indexes.isEmpty()) {
                    b.globalSecondaryIndexes(indexes);
                }
            });
        } catch (ResourceInUseException alreadyThere) {
            // provisioned by an earlier test class in this JVM
        }
    }

    private static GlobalSecondaryIndex index(String name, String hash, String range) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
