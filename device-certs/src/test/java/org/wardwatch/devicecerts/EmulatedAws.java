package org.wardwatch.devicecerts;

import java.net.URI;
import java.util.UUID;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.model.device.TenantId;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * The shared moto server of this test run, with clients for it. Credentials and region come from surefire's
 * system properties (testing / eu-west-2), as the SDK chain would find them. Public for the cli package's tests.
 */
public final class EmulatedAws implements AutoCloseable {

    public final URI endpoint = MotoServer.shared().endpoint();
    public final IotClient iot = IotClient.builder().endpointOverride(endpoint)
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    public final DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint)
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();

    /** A tenant id no other test class uses, since the server is shared. */
    public static TenantId uniqueTenant(String prefix) {
        return TenantId.of(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Creates the tenant's devices table as infra would: partition key thingName (S). */
    public void createDevicesTable(String table) {
        dynamo.createTable(b -> b.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName("thingName").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("thingName")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @Override
    public void close() {
        iot.close();
        dynamo.close();
    }
}
