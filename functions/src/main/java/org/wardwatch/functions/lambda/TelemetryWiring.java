package org.wardwatch.functions.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.wardwatch.functions.aws.DynamoDeviceDirectory;
import org.wardwatch.functions.aws.DynamoDeviceRegistry;
import org.wardwatch.functions.aws.DynamoTelemetryStore;
import org.wardwatch.model.coldchain.ColdChainSettings;
import org.wardwatch.functions.core.MessageValidator;
import org.wardwatch.functions.core.PayloadDecoder;
import org.wardwatch.model.tenant.FunctionConfig;
import org.wardwatch.model.tenant.Handler;
import org.wardwatch.functions.service.AlertPublisher;
import org.wardwatch.functions.service.SilenceService;
import org.wardwatch.functions.service.TelemetryService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Builds the framework-free telemetry service from configuration and the AWS clients. */
@ApplicationScoped
public class TelemetryWiring {

    @Produces
    @ApplicationScoped
    SilenceService silenceService(WardwatchConfig config, DynamoDbClient dynamo, SnsClient sns) {
        return new SilenceService(config.tenantId(), new DynamoDeviceDirectory(dynamo, config.devicesTable()),
                store(config, dynamo), publisher(config, dynamo, sns),
                Duration.ofSeconds(config.vitalsIntervalSeconds()), Duration.ofSeconds(config.storageIntervalSeconds()),
                config.timeZone());
    }

    /**
     * The tenant's alert topic, each alert's transition recorded in its record first (functions/README.md,
     * "Acknowledgement and escalation"): every function that publishes alerts publishes through this. A publish that
     * fails is counted ({@link PublishFailureMetrics}).
     */
    static AlertPublisher publisher(WardwatchConfig config, DynamoDbClient dynamo, SnsClient sns) {
        return AlertTopic.publisher(dynamo, config.readingsTable(), sns, config.alertTopicArn(), config.tenantId(),
                handler(), System.out);
    }

    /** The function's handler ({@code quarkus.lambda.handler}), the {@code function} dimension of its metrics. */
    static String handler() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.lambda.handler", String.class)
                .orElse(Handler.Names.TELEMETRY);
    }

    static DynamoTelemetryStore store(WardwatchConfig config, DynamoDbClient dynamo) {
        return new DynamoTelemetryStore(dynamo, config.readingsTable(), config.quarantineTable(),
                Duration.ofDays(config.readingRetentionDays()), Duration.ofDays(config.coldChainRetentionDays()));
    }

    @Produces
    @ApplicationScoped
    TelemetryService telemetryService(WardwatchConfig config, DynamoDbClient dynamo, SnsClient sns) {
        FunctionConfig tenant = TenantConfigFile.read(config);
        DynamoDeviceRegistry registry = new DynamoDeviceRegistry(dynamo, config.devicesTable(),
                Duration.ofSeconds(config.deviceCacheSeconds()));
        ColdChainSettings coldChain = new ColdChainSettings(Duration.ofMinutes(config.excursionWarningMinutes()),
                Duration.ofMinutes(config.excursionCriticalMinutes()), Duration.ofMinutes(config.doorOpenWarningMinutes()));
        return new TelemetryService(config.tenantId(),
                new MessageValidator(config.tenantId(), new PayloadDecoder(), registry::find),
                tenant.thresholds(),
                tenant.alarmDelays(),
                tenant.maxReadingAge(),
                config.timeZone(),
                tenant::vitalsOf,
                tenant.news2(),
                tenant.storageProfiles(),
                coldChain,
                store(config, dynamo),
                publisher(config, dynamo, sns));
    }
}
