package org.wardwatch.functions.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.wardwatch.functions.aws.DynamoAlertRecordStore;
import org.wardwatch.functions.aws.DynamoExcursionAcknowledgements;
import org.wardwatch.functions.service.AcknowledgementService;
import org.wardwatch.functions.service.EscalationService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the framework-free acknowledgement and escalation services from configuration and the AWS clients: the
 * alert records of the readings table, the tenant's alert topic through {@link TelemetryWiring#publisher} (records
 * first, publishing failures counted), each ward's escalation policy from the tenant configuration file, and the
 * excursion log's side of a COLD_CHAIN acknowledgement.
 */
@ApplicationScoped
public class EscalationWiring {

    @Produces
    @ApplicationScoped
    EscalationService escalationService(WardwatchConfig config, DynamoDbClient dynamo, SnsClient sns) {
        return new EscalationService(config.tenantId(), new DynamoAlertRecordStore(dynamo, config.readingsTable()),
                TelemetryWiring.publisher(config, dynamo, sns), TenantConfigFile.read(config)::escalationOf,
                config.timeZone());
    }

    @Produces
    @ApplicationScoped
    AcknowledgementService acknowledgementService(WardwatchConfig config, DynamoDbClient dynamo, SnsClient sns) {
        return new AcknowledgementService(config.tenantId(),
                new DynamoAlertRecordStore(dynamo, config.readingsTable()),
                TelemetryWiring.publisher(config, dynamo, sns),
                new DynamoExcursionAcknowledgements(dynamo, config.readingsTable(), config.tenantId()),
                config.timeZone());
    }
}
