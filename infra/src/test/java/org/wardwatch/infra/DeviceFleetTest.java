package org.wardwatch.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.ProjectRoot;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceFleetTest {

    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedTenants.get().jvm;
    }

    private static Map<String, Object> iotArn(String resource) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":iot:eu-west-1:111111111111:" + resource)));
    }

    @Test
    void devicePolicy_allowsOnlyConnectingAsItsOwnThingAndPublishingItsOwnTelemetry() {
        template.resourceCountIs("AWS::IoT::Policy", 1);
        template.hasResourceProperties("AWS::IoT::Policy", Map.of(
                "PolicyName", "wardwatch-st-aurelia-device",
                "PolicyDocument", Match.objectEquals(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(
                                Map.of("Effect", "Allow",
                                        "Action", "iot:Connect",
                                        "Resource", iotArn("client/${iot:Connection.Thing.ThingName}")),
                                Map.of("Effect", "Allow",
                                        "Action", "iot:Publish",
                                        "Resource", iotArn("topic/tenants/st-aurelia/devices/"
                                                + "${iot:Connection.Thing.ThingName}/telemetry")))))));
    }

    /**
     * device-certs' {@code register} creates or updates the policy {@code wardwatch-<tenant>-device} from its own
     * copy and replaces a stored document whose text differs (apart from white space). The stack's policy must
     * therefore be that document, in the same key order, or each registration would push a new policy version.
     */
    @Test
    void devicePolicy_isTheDocumentDeviceCertsRegistersWith() throws Exception {
        Path shared = ProjectRoot.find().resolve(
                "device-certs/src/main/resources/org/wardwatch/devicecerts/tenant-device-policy.json");
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(Files.readString(shared).replace("{region}", "eu-west-1")
                .replace("{account}", "111111111111").replace("{tenant}", "st-aurelia"));

        Map<String, Map<String, Object>> policies = template.findResources("AWS::IoT::Policy");
        Object document = ((Map<?, ?>) policies.values().iterator().next().get("Properties")).get("PolicyDocument");
        String synthesized = json.writeValueAsString(document)
                .replace("{\"Fn::Join\":[\"\",[\"arn:\",{\"Ref\":\"AWS::Partition\"},\"", "\"arn:aws")
                .replace("\"]]}", "\"");

        assertThat(synthesized).isEqualTo(json.writeValueAsString(expected));
    }

    @Test
    void thingType_isNamedForTheTenantAndSearchableByKindWardAndBed() {
        template.resourceCountIs("AWS::IoT::ThingType", 1);
        template.hasResourceProperties("AWS::IoT::ThingType", Map.of(
                "ThingTypeName", "wardwatch-st-aurelia-device-type",
                "ThingTypeProperties", Map.of("SearchableAttributes", List.of("kind", "ward", "bed"))));
    }

    @Test
    void policyAndThingType_areOutputForDeviceCerts() {
        template.hasOutput("DevicePolicyName", Map.of("Value", "wardwatch-st-aurelia-device"));
        template.hasOutput("ThingTypeName", Map.of("Value", "wardwatch-st-aurelia-device-type"));
        template.hasOutput("TelemetryTopicFilter", Map.of("Value", "tenants/st-aurelia/devices/+/telemetry"));
    }
}
