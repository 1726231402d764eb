package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iot.CfnPolicy;
import software.amazon.awscdk.services.iot.CfnThingType;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The IoT side of the tenant's devices: the policy every device certificate gets, and the thing type devices are
 * registered with. The CA and the things themselves are registered by {@code device-certs}, not by the stack:
 * certificates are issued per device, long after deployment.
 *
 * <p>The policy lets a device connect only with its own thing name as client id, and publish only to its own
 * telemetry topic. No subscribe, receive, shadow or jobs.
 */
public final class DeviceFleet extends Construct {

    /** The policy variable for the connecting device's thing name. */
    public static final String OWN_THING = "${iot:Connection.Thing.ThingName}";

    private final CfnPolicy policy;
    private final CfnThingType thingType;

    public DeviceFleet(Construct scope, String id, DeviceFleetProps props) {
        super(scope, id);
        TenantNames names = props.names();

        // The same document, key for key, as device-certs' tenant-device-policy.json: `certs register` compares the
        // stored policy with its own text and would otherwise replace the stack's version with a new default one.
        Map<String, Object> connect = OrderedMaps.of(
                "Effect", "Allow",
                "Action", "iot:Connect",
                "Resource", iotArn("client", OWN_THING));
        Map<String, Object> publish = OrderedMaps.of(
                "Effect", "Allow",
                "Action", "iot:Publish",
                "Resource", iotArn("topic", names.ownTelemetryTopic()));
        Map<String, Object> document = OrderedMaps.of(
                "Version", "2012-10-17",
                "Statement", List.of(connect, publish));

        policy = CfnPolicy.Builder.create(this, "DevicePolicy")
                .policyName(names.devicePolicy())
                .policyDocument(document)
                .build();

        thingType = CfnThingType.Builder.create(this, "ThingType")
                .thingTypeName(names.resource("device-type"))
                .thingTypeProperties(CfnThingType.ThingTypePropertiesProperty.builder()
                        .thingTypeDescription("wardwatch medical device of tenant " + names.tenantId())
                        .searchableAttributes(List.of("kind", "ward", "bed"))
                        .build())
                .build();
    }

    private String iotArn(String resource, String name) {
        return Stack.of(this).formatArn(ArnComponents.builder()
                .service("iot")
                .resource(resource)
                .resourceName(name)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
    }

    public CfnPolicy policy() {
        return policy;
    }

    public CfnThingType thingType() {
        return thingType;
    }
}
