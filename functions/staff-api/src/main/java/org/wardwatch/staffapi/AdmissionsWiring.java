package org.wardwatch.staffapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.wardwatch.functions.aws.DynamoAdmissionStore;
import org.wardwatch.functions.aws.DynamoBedReadings;
import org.wardwatch.functions.lambda.AlertTopic;
import org.wardwatch.functions.service.AdmissionService;
import org.wardwatch.functions.service.AlertRenderer;
import org.wardwatch.functions.service.News2Planner;
import org.wardwatch.functions.service.ObservationService;
import org.wardwatch.functions.service.StoredBedAlerts;
import org.wardwatch.functions.service.TelemetryStore;
import org.wardwatch.model.tenant.FunctionConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The admission, observation and bed-readings endpoints' services, built with the plain constructors the operator
 * {@code admission} function's AdmissionWiring uses (the functions jar brings no beans here): the admission store
 * of the readings table, the bed's alerts resolved through the telemetry store and published to the alert topic
 * (records first, failures counted with {@code function} {@value StaffApiWiring#FUNCTION}), NEWS2 scored with the
 * tenant configuration's wards and settings; and the readings of a bed through the readings table's bed index.
 * The telemetry store is {@link StaffApiWiring}'s: discharges and observations write bed state, never readings, so
 * it needs no quarantine table or retention.
 */
@ApplicationScoped
class AdmissionsWiring {

    @Produces
    @ApplicationScoped
    AdmissionService admissions(StaffApiConfig config, DynamoDbClient dynamo, SnsClient sns, TelemetryStore beds,
                                FunctionConfig tenant) {
        return new AdmissionService(new DynamoAdmissionStore(dynamo, config.readingsTable()),
                new StoredBedAlerts(beds, publisher(config, dynamo, sns), config.tenantId(), config.timeZone(),
                        tenant.news2()));
    }

    @Produces
    @ApplicationScoped
    ObservationService observations(StaffApiConfig config, DynamoDbClient dynamo, SnsClient sns,
                                    TelemetryStore beds, FunctionConfig tenant) {
        return new ObservationService(beds, new News2Planner(config.tenantId(),
                tenant::vitalsOf, tenant.news2(), new AlertRenderer(config.timeZone())), publisher(config, dynamo, sns));
    }

    @Produces
    @ApplicationScoped
    DynamoBedReadings bedReadings(StaffApiConfig config, DynamoDbClient dynamo) {
        return new DynamoBedReadings(dynamo, config.readingsTable());
    }

    private static org.wardwatch.functions.service.AlertPublisher publisher(StaffApiConfig config,
                                                                           DynamoDbClient dynamo, SnsClient sns) {
        return AlertTopic.publisher(dynamo, config.readingsTable(), sns, config.alertTopicArn(), config.tenantId(),
                StaffApiWiring.FUNCTION, System.out);
    }
}
