package org.wardwatch.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tenants synthesized side by side, in the same account and region (the hardest case for name clashes),
 * share no physical resource name and no ARN.
 */
class TenantIsolationTest {

    /** The properties that carry a physical name, by resource type. */
    private static final Map<String, String> NAME_PROPERTIES = new TreeMap<>(Map.ofEntries(
            Map.entry("AWS::Cognito::UserPool", "UserPoolName"),
            Map.entry("AWS::DynamoDB::Table", "TableName"),
            Map.entry("AWS::SNS::Topic", "TopicName"),
            Map.entry("AWS::SQS::Queue", "QueueName"),
            Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::IoT::Policy", "PolicyName"),
            Map.entry("AWS::IoT::ThingType", "ThingTypeName"),
            Map.entry("AWS::IoT::TopicRule", "RuleName"),
            Map.entry("AWS::KMS::Alias", "AliasName"),
            Map.entry("AWS::CloudWatch::Alarm", "AlarmName"),
            Map.entry("AWS::Events::Rule", "Name"),
            Map.entry("AWS::ApiGatewayV2::Api", "Name")));

    private static TenantStack a;
    private static TenantStack b;
    private static Template templateA;
    private static Template templateB;

    @BeforeAll
    static void synthesize() {
        SynthesizedTenants tenants = SynthesizedTenants.get();
        a = tenants.jvmStack;
        b = tenants.nativeStack;
        templateA = tenants.jvm;
        templateB = tenants.nativeTemplate;
    }

    /** Physical names of every named resource; unnamed resources get CloudFormation names from the stack name. */
    private static Set<String> physicalNames(Template template) {
        Set<String> names = new TreeSet<>();
        TemplateJson.resources(template).forEach((id, resource) -> {
            String property = NAME_PROPERTIES.get((String) resource.get("Type"));
            if (property != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
                assertThat(properties.get(property)).as("%s of %s is a literal name", property, id)
                        .isInstanceOf(String.class);
                names.add((String) properties.get(property));
            }
        });
        return names;
    }

    @Test
    void everyNamedResource_isNamedAfterItsTenant_andNoNameIsShared() {
        Set<String> namesA = physicalNames(templateA);
        Set<String> namesB = physicalNames(templateB);

        assertThat(namesA).hasSize(43).allSatisfy(name -> assertThat(name).containsAnyOf(
                "wardwatch-st-aurelia-", "wardwatch_st_aurelia_"));
        assertThat(namesB).hasSize(namesA.size()).allSatisfy(name -> assertThat(name).containsAnyOf(
                "wardwatch-harbour-clinic-", "wardwatch_harbour_clinic_"));
        assertThat(namesA).doesNotContainAnyElementsOf(namesB);
        assertThat(a.getStackName()).isEqualTo("wardwatch-st-aurelia");
        assertThat(b.getStackName()).isEqualTo("wardwatch-harbour-clinic");
    }

    @Test
    void noArnIsShared() {
        Set<String> arnsA = arns(templateA, a.getStackName());
        Set<String> arnsB = arns(templateB, b.getStackName());

        assertThat(arnsA).isNotEmpty();
        assertThat(arnsA).doesNotContainAnyElementsOf(arnsB);
    }

    @Test
    void neitherTemplate_mentionsTheOtherTenant() throws Exception {
        String textA = new ObjectMapper().writeValueAsString(templateA.toJSON());
        String textB = new ObjectMapper().writeValueAsString(templateB.toJSON());

        for (String mention : List.of("harbour-clinic", "harbour_clinic")) {
            assertThat(textA).doesNotContain(mention);
        }
        for (String mention : List.of("st-aurelia", "st_aurelia")) {
            assertThat(textB).doesNotContain(mention);
        }
    }

    /**
     * Every ARN in the template (IAM resources, key policy, rule actions, destinations, outputs), rendered as text:
     * a reference to a resource of the stack becomes that resource's physical name, or stack name and logical id for
     * unnamed ones (CloudFormation names them after the stack). Shared by design, and left out: account principals
     * ({@code :root}) and the CDK bootstrap bucket belong to the account, not to a tenant; and the device policy's
     * {@code client/${iot:Connection.Thing.ThingName}} is a pattern that IoT fills in with the connecting device's
     * own thing (thing names are unique in an account), so it grants nothing across tenants: what a device of one
     * tenant may publish is limited to {@code tenants/<its tenant>/...}, checked in DeviceFleetTest.
     */
    private static Set<String> arns(Template template, String stackName) {
        Map<String, Map<String, Object>> resources = TemplateJson.resources(template);
        Map<String, String> physical = new TreeMap<>();
        resources.forEach((id, resource) -> {
            String property = NAME_PROPERTIES.get((String) resource.get("Type"));
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            physical.put(id, property != null ? (String) properties.get(property) : stackName + "/" + id);
        });
        Set<String> arns = new TreeSet<>();
        collect(template.toJSON(), physical, arns);
        arns.removeIf(arn -> arn.endsWith(":root") || arn.contains("cdk-hnb659fds")
                || arn.endsWith(":client/" + DeviceFleet.OWN_THING));
        return arns;
    }

    private static void collect(Object node, Map<String, String> physical, Set<String> arns) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey("Fn::Join") || map.containsKey("Fn::GetAtt") || map.containsKey("Ref")) {
                String text = render(node, physical);
                if (text.startsWith("arn:") || text.contains("/")) {
                    arns.add(text);
                }
                return;
            }
            map.values().forEach(value -> collect(value, physical, arns));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collect(value, physical, arns));
        } else if (node instanceof String text && text.startsWith("arn:")) {
            arns.add(text);
        }
    }

    @SuppressWarnings("unchecked")
    private static String render(Object node, Map<String, String> physical) {
        if (node instanceof String text) {
            return text;
        }
        Map<String, Object> map = (Map<String, Object>) node;
        if (map.containsKey("Ref")) {
            String id = (String) map.get("Ref");
            return physical.getOrDefault(id, "{" + id + "}");
        }
        if (map.containsKey("Fn::GetAtt")) {
            List<Object> getAtt = (List<Object>) map.get("Fn::GetAtt");
            return "arn:{" + physical.get((String) getAtt.get(0)) + "." + getAtt.get(1) + "}";
        }
        if (map.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) map.get("Fn::Join");
            StringBuilder text = new StringBuilder();
            for (Object part : (List<Object>) join.get(1)) {
                text.append(render(part, physical));
            }
            return text.toString();
        }
        return map.toString();
    }
}
