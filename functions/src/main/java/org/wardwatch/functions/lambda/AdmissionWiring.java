package org.wardwatch.functions.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.wardwatch.functions.aws.DynamoAdmissionStore;
import org.wardwatch.functions.service.AdmissionService;
import org.wardwatch.functions.service.AlertRenderer;
import org.wardwatch.functions.service.News2Planner;
import org.wardwatch.functions.service.ObservationService;
import org.wardwatch.functions.service.StoredBedAlerts;
import org.wardwatch.model.tenant.FunctionConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Builds the framework-free admission service from configuration and the AWS clients. */
@ApplicationScoped
public class AdmissionWiring {

    @Produces
    @ApplicationScoped
    AdmissionService admissionService(WardwatchConfig config, DynamoDbClient dynamo, SnsClient sns) {
        return new AdmissionService(new DynamoAdmissionStore(dynamo, config.readingsTable()),
                new StoredBedAlerts(TelemetryWiring.store(config, dynamo),
                        TelemetryWiring.publisher(config, dynamo, sns), config.tenantId(), config.timeZone(),
                        TenantConfigFile.read(config).news2()));
    }

    @Produces
    @ApplicationScoped
    ObservationService observationService(WardwatchConfig config, DynamoDbClient dynamo, SnsClient sns) {
        FunctionConfig tenant = TenantConfigFile.read(config);
        return new ObservationService(TelemetryWiring.store(config, dynamo), new News2Planner(config.tenantId(),
                tenant::vitalsOf, tenant.news2(), new AlertRenderer(config.timeZone())),
                TelemetryWiring.publisher(config, dynamo, sns));
    }
}
