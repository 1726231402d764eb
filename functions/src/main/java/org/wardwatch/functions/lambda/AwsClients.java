package org.wardwatch.functions.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One client per service for the life of the instance, never one per call; each is built when first used (CDI
 * client proxies), so an instance that never publishes never builds its SNS client, and {@link ClientPriming}
 * builds the DynamoDB one while the instance starts. Region, credentials and an endpoint override
 * ({@code AWS_ENDPOINT_URL}, for the emulator) come from the SDK's standard chain: naming Lambda's providers instead
 * (region from {@code AWS_REGION}; environment, then container credentials, which a SnapStart restore gets) made no
 * difference measurable here (docs/performance.md, section 2).
 */
@ApplicationScoped
public class AwsClients {

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDb() {
        return newDynamoDb();
    }

    @Produces
    @ApplicationScoped
    SnsClient sns() {
        return newSns();
    }

    @Produces
    @ApplicationScoped
    SqsClient sqs() {
        return SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    void close(@Disposes SqsClient client) {
        client.close();
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    void close(@Disposes SnsClient client) {
        client.close();
    }

    /** A DynamoDB client as the functions build it (the staff API too): the URL-connection HTTP client. */
    public static DynamoDbClient newDynamoDb() {
        return DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** An SNS client as the functions build it. */
    public static SnsClient newSns() {
        return SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
