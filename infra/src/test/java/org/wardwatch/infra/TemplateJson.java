package org.wardwatch.infra;

import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small helpers over a synthesized template as plain maps, for checks the assertions API cannot express. */
final class TemplateJson {

    private TemplateJson() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Template template) {
        return (Map<String, Map<String, Object>>) template.toJSON().get("Resources");
    }

    /** Logical ids of the resources of a type, sorted. */
    static List<String> logicalIds(Template template, String type) {
        return List.copyOf(new TreeMap<>(template.findResources(type)).keySet());
    }

    /** The only resource of a type whose logical id starts with the given construct path prefix. */
    static String logicalId(Template template, String type, String idPrefix) {
        List<String> ids = logicalIds(template, type).stream().filter(id -> id.startsWith(idPrefix)).toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + " starting with " + idPrefix + ", found " + ids);
        }
        return ids.get(0);
    }

    /** The environment variables of the only function whose logical id starts with the given prefix. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(Template template, String functionIdPrefix) {
        Map<String, Object> properties = (Map<String, Object>) resources(template)
                .get(logicalId(template, "AWS::Lambda::Function", functionIdPrefix)).get("Properties");
        return new TreeMap<>((Map<String, Object>) ((Map<String, Object>) properties.get("Environment"))
                .get("Variables"));
    }

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    static Map<String, Object> arnOf(String logicalId) {
        return Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
    }
}
