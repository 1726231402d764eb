package org.wardwatch.functions.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.wardwatch.functions.aws.DynamoAlertRecordStore;
import org.wardwatch.functions.service.AcknowledgementService;
import org.wardwatch.functions.service.EscalationService;
import org.wardwatch.functions.service.ExcursionAcknowledgements;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the framework-free acknowledgement and escalation services from configuration and the AWS clients: the
 * alert records of the readings table, the tenant's alert topic through {@link TelemetryWiring#publisher} (records
 * first, publishing failures counted), each ward's escalation policy from the tenant configuration file.
 */
@ApplicationScoped
public class EscalationWiring {

    /**
     * PLACEHOLDER (issue 15, replaced at integration by the aws/ implementation of the excursion log's side): does
     * nothing, so a COLD_CHAIN alert's acknowledgement is recorded in its alert record but not yet in the
     * excursion's item (the temperature log's acknowledgedBy / actionsTaken columns).
     */
    static final ExcursionAcknowledgements EXCURSIONS_NOT_YET_WRITTEN = (thingName, by, at, note) -> {
    };

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
                TelemetryWiring.publisher(config, dynamo, sns), EXCURSIONS_NOT_YET_WRITTEN, config.timeZone());
    }
}
