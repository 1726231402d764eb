package org.wardwatch.staffapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.wardwatch.functions.aws.DynamoAlertRecordStore;
import org.wardwatch.functions.aws.DynamoDeviceDirectory;
import org.wardwatch.functions.aws.DynamoTelemetryStore;
import org.wardwatch.functions.aws.DynamoWardAdmissions;
import org.wardwatch.functions.aws.DynamoExcursionAcknowledgements;
import org.wardwatch.functions.lambda.AlertTopic;
import org.wardwatch.functions.lambda.AwsClients;
import org.wardwatch.functions.service.AcknowledgementService;
import org.wardwatch.functions.service.AlertRecordStore;
import org.wardwatch.functions.service.SilenceService;
import org.wardwatch.functions.service.TelemetryStore;
import org.wardwatch.model.tenant.FunctionConfig;
import org.wardwatch.model.tenant.FunctionConfigReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The device-facing functions' services, built as their EscalationWiring builds them (the functions jar brings no
 * beans here): the alert records of the readings table and the alert topic through the recording publisher. One
 * client per AWS service for the instance's life; region, credentials and endpoint from the SDK's standard chain.
 * The ward view reads the functions' stores too: the tenant configuration file as the functions read it (functions'
 * TenantConfigFile), the bed state through the telemetry store's bed reads, the devices table through the
 * silent-devices check's directory. The AWS clients and the alert topic's publisher are the functions' own
 * ({@link AwsClients}, {@link AlertTopic}: records first, publish failures counted as {@code AlertPublishFailed}
 * with {@code function} {@value #FUNCTION}).
 */
@ApplicationScoped
class StaffApiWiring {

    /** The {@code function} dimension of this function's metrics. */
    static final String FUNCTION = org.wardwatch.model.tenant.TenantNames.STAFF_API;

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDb() {
        return AwsClients.newDynamoDb();
    }

    @Produces
    @ApplicationScoped
    SnsClient sns() {
        return AwsClients.newSns();
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
                AlertTopic.publisher(dynamo, config.readingsTable(), sns, config.alertTopicArn(), config.tenantId(),
                        FUNCTION, System.out),
                new DynamoExcursionAcknowledgements(dynamo, config.readingsTable(), config.tenantId()),
                config.timeZone());
    }

    @Produces
    @ApplicationScoped
    AuditLog auditLog(StaffApiConfig config, DynamoDbClient dynamo) {
        return new AuditLog(dynamo, config.auditTable());
    }

    /** The tenant configuration file, read as the functions read it at start; a bad file stops the start. */
    @Produces
    @Singleton
    FunctionConfig tenantConfig(StaffApiConfig config) {
        return config.configFile().filter(path -> !path.isBlank())
                .map(path -> FunctionConfigReader.read(Path.of(path))).orElseGet(FunctionConfig::defaults);
    }

    /**
     * The telemetry store, for its bed reads only (a bed's admission, parameters, NEWS2 state and observations):
     * the staff API writes nothing through it, so it has no quarantine table and no retention of its own.
     */
    @Produces
    @ApplicationScoped
    TelemetryStore beds(StaffApiConfig config, DynamoDbClient dynamo) {
        return new DynamoTelemetryStore(dynamo, config.readingsTable(), null, java.time.Duration.ZERO,
                java.time.Duration.ZERO);
    }

    /** A ward's admitted beds, from the readings table's ward index. */
    @Produces
    @ApplicationScoped
    DynamoWardAdmissions wardAdmissions(StaffApiConfig config, DynamoDbClient dynamo) {
        return new DynamoWardAdmissions(dynamo, config.readingsTable());
    }

    @Produces
    @ApplicationScoped
    SilenceService.DeviceDirectory devices(StaffApiConfig config, DynamoDbClient dynamo) {
        return new DynamoDeviceDirectory(dynamo, config.devicesTable());
    }
}
