package org.wardwatch.functions.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.wardwatch.functions.aws.DynamoAdmissionStore;
import org.wardwatch.functions.aws.DynamoBedAlerts;
import org.wardwatch.functions.aws.SnsAlertPublisher;
import org.wardwatch.functions.service.AdmissionService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Builds the framework-free admission service from configuration and the AWS clients. */
@ApplicationScoped
public class AdmissionWiring {

    @Produces
    @ApplicationScoped
    AdmissionService admissionService(WardwatchConfig config, DynamoDbClient dynamo, SnsClient sns) {
        return new AdmissionService(new DynamoAdmissionStore(dynamo, config.readingsTable()),
                new DynamoBedAlerts(dynamo, config.readingsTable(),
                        new SnsAlertPublisher(sns, config.alertTopicArn()), config.tenantId(), config.timeZone()));
    }
}
