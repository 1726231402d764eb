package org.wardwatch.staffapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.wardwatch.functions.aws.DynamoAlertRecordStore;
import org.wardwatch.functions.aws.DynamoExcursionAcknowledgements;
import org.wardwatch.functions.aws.SnsAlertPublisher;
import org.wardwatch.functions.service.AcknowledgementService;
import org.wardwatch.functions.service.AlertRecordStore;
import org.wardwatch.functions.service.AlertRecorder;
import org.wardwatch.functions.service.RecordingPublisher;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The device-facing functions' services, built as their EscalationWiring builds them (the functions jar brings no
 * beans here): the alert records of the readings table and the alert topic through the recording publisher. One
 * client per AWS service for the instance's life; region, credentials and endpoint from the SDK's standard chain.
 * (Unlike the functions, publish failures are not yet counted as an AlertPublishFailed metric here.)
 */
@ApplicationScoped
class StaffApiWiring {

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Produces
    @ApplicationScoped
    SnsClient sns() {
        return SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    void close(@Disposes SnsClient client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    AlertRecordStore alertRecords(StaffApiConfig config, DynamoDbClient dynamo) {
        return new DynamoAlertRecordStore(dynamo, config.readingsTable());
    }

    @Produces
    @ApplicationScoped
    AcknowledgementService acknowledgements(StaffApiConfig config, AlertRecordStore records, DynamoDbClient dynamo,
                                            SnsClient sns) {
        return new AcknowledgementService(config.tenantId(), records,
                new RecordingPublisher(new AlertRecorder(records), new SnsAlertPublisher(sns, config.alertTopicArn())),
                new DynamoExcursionAcknowledgements(dynamo, config.readingsTable(), config.tenantId()),
                config.timeZone());
    }

    @Produces
    @ApplicationScoped
    AuditLog auditLog(StaffApiConfig config, DynamoDbClient dynamo) {
        return new AuditLog(dynamo, config.auditTable());
    }
}
