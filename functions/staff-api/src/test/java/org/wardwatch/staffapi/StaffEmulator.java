package org.wardwatch.staffapi;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.wardwatch.emulator.MotoServer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The shared moto server with what the staff API needs of a tenant (the minimum of functions' TestTenant): the
 * readings table with its byBed (a bed's readings), byOpenAlert and byWard indexes (alert records), the devices table, the audit table, the alert topic,
 * and a tenant configuration file naming the ward view's wards ({@link #THRESHOLDS_WARD}, {@link #NEWS2_WARD},
 * {@link #OBSERVED_NEWS2_WARD} and {@link #EMPTY_WARD}).
 */
public class StaffEmulator implements QuarkusTestResourceLifecycleManager {

    /** The dashboard's app client id the function is configured with. */
    static final String DASHBOARD_CLIENT = "dashboard-client-of-the-test";

    static final String TENANT = "st-elsewhere";
    static final String READINGS = "wardwatch-" + TENANT + "-readings";
    static final String AUDIT = "wardwatch-" + TENANT + "-audit";
    static final String DEVICES = "wardwatch-" + TENANT + "-devices";
    static final String THRESHOLDS_WARD = "Cardio 1";
    static final String NEWS2_WARD = "Resp-2";
    static final String EMPTY_WARD = "Quiet-4";
    /** A second NEWS2 ward, for the observation tests' beds (the ward view's tests list {@link #NEWS2_WARD}'s). */
    static final String OBSERVED_NEWS2_WARD = "Resp-5";

    static URI endpoint;

    private static GlobalSecondaryIndex index(String name, String partition, String sort) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key(partition, KeyType.HASH),
                key(sort, KeyType.RANGE)).projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    @Override
    public Map<String, String> start() {
        MotoServer moto = MotoServer.shared();
        endpoint = moto.endpoint();
        System.setProperty("aws.endpointUrl", endpoint.toString());
        String topicArn;
        try (DynamoDbClient dynamo = dynamo(); SnsClient sns = SnsClient.builder().endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            create(dynamo, READINGS, List.of("pk", "sk", "bedKey", "openIndex", "openKey", "wardIndex", "wardSort"),
                    List.of(index("byBed", "bedKey", "sk"), index("byOpenAlert", "openIndex", "openKey"),
                            index("byWard", "wardIndex", "wardSort")));
            create(dynamo, AUDIT, List.of("pk", "sk"), List.of());
            try {
                dynamo.createTable(b -> b.tableName(DEVICES).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName("thingName")
                                .attributeType(ScalarAttributeType.S).build())
                        .keySchema(key("thingName", KeyType.HASH)));
            } catch (ResourceInUseException alreadyThere) {
                // created by an earlier test class in this JVM
            }
            topicArn = sns.createTopic(b -> b.name("wardwatch-" + TENANT + "-alerts")).topicArn();
        }
        return Map.of("wardwatch.tenant-id", TENANT, "wardwatch.readings-table", READINGS,
                "wardwatch.audit-table", AUDIT, "wardwatch.alert-topic-arn", topicArn,
                "wardwatch.devices-table", DEVICES, "wardwatch.config-file", configFile().toString(),
                "wardwatch.dashboard-client-id", DASHBOARD_CLIENT);
    }

    /** The tenant configuration file, as the stack gives it: the wards block the ward view reads. */
    private static Path configFile() {
        try {
            Path file = Files.createTempFile("wardwatch-staff-tenant", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, "{\"wards\": {\"" + THRESHOLDS_WARD + "\": {\"vitals\": \"thresholds\"}, \""
                    + NEWS2_WARD + "\": {\"vitals\": \"news2\"}, \"" + OBSERVED_NEWS2_WARD
                    + "\": {\"vitals\": \"news2\"}, \"" + EMPTY_WARD + "\": {}}}");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DynamoDbClient dynamo() {
        return DynamoDbClient.builder().endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static void create(DynamoDbClient dynamo, String table, List<String> attributes,
                               List<GlobalSecondaryIndex> indexes) {
        try {
            dynamo.createTable(b -> {
                b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attributes.stream().map(a -> AttributeDefinition.builder()
                                .attributeName(a).attributeType(ScalarAttributeType.S).build()).toList())
                        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
                if (!indexes.isEmpty()) {
                    b.globalSecondaryIndexes(indexes);
                }
            });
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier test class in this JVM
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Override
    public void stop() {
        // the shared server stops when the test JVM exits
    }
}
