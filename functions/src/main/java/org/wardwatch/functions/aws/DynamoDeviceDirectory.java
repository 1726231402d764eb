package org.wardwatch.functions.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.service.SilenceService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The ACTIVE devices of the tenant's registry, by a paginated scan (a tenant has hundreds to a few thousand). */
public final class DynamoDeviceDirectory implements SilenceService.DeviceDirectory {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDeviceDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Device> activeDevices() {
        List<Device> devices = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(ScanRequest.builder().tableName(table)
                .filterExpression("#status = :active")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":active", AttributeValue.fromS("ACTIVE"))).build()).items()) {
            DynamoDeviceRegistry.device(DynamoDeviceRegistry.text(item, "thingName"), item).ifPresent(devices::add);
        }
        return devices;
    }
}
