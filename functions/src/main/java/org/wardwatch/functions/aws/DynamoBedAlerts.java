package org.wardwatch.functions.aws;

import java.time.Instant;
import java.util.List;
import org.wardwatch.functions.service.AlertPublisher;
import org.wardwatch.functions.service.BedAlerts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The open alerts of a bed, on its alert state items in the readings table. Not written yet: until the telemetry
 * integration keeps alert state per bed, it resolves nothing.
 */
public final class DynamoBedAlerts implements BedAlerts {

    private final DynamoDbClient dynamo;
    private final String readingsTable;
    private final AlertPublisher publisher;
    private final String tenantId;

    public DynamoBedAlerts(DynamoDbClient dynamo, String readingsTable, AlertPublisher publisher, String tenantId) {
        this.dynamo = dynamo;
        this.readingsTable = readingsTable;
        this.publisher = publisher;
        this.tenantId = tenantId;
    }

    @Override
    public List<String> resolveAll(String ward, String bed, String reason, Instant at) {
        // issue 13: resolves the bed's P# alert items; written with the telemetry integration
        return List.of();
    }
}
