package org.wardwatch.localstack.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthesized CloudFormation template, read for what the local stack creates: resources by type, and the
 * intrinsic functions the tenant stack uses ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Join}, {@code Fn::Select}
 * of an {@code Fn::Split}) resolved
 * against the physical names and ARNs the emulator gave.
 */
final class TemplateResources {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a resource resolves to: its {@code Ref} value and attributes such as {@code Arn}. */
    record Physical(String ref, Map<String, String> attributes) {
    }

    private final JsonNode resources;
    private final Path directory;
    private final Map<String, Physical> physical = new LinkedHashMap<>();
    private final Map<String, String> pseudo = new LinkedHashMap<>();

    TemplateResources(Path template, String region, String account) {
        try {
            JsonNode root = JSON.readTree(template.toFile());
            this.resources = root.get("Resources");
            this.directory = template.toAbsolutePath().getParent();
            if (resources == null || !resources.isObject()) {
                throw new IllegalArgumentException(template + " has no Resources");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tenant template " + template, e);
        }
        pseudo.put("AWS::Partition", "aws");
        pseudo.put("AWS::Region", region);
        pseudo.put("AWS::AccountId", account);
        pseudo.put("AWS::URLSuffix", "amazonaws.com");
    }

    /** Logical id to properties of every resource of {@code type}, in template order. */
    Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (type.equals(e.getValue().path("Type").asText())) {
                found.put(e.getKey(), e.getValue().path("Properties"));
            }
        }
        return found;
    }

    /**
     * The directories of a function's layers, in order, as CDK wrote them next to the template (each layer's
     * {@code aws:asset:path} metadata): what Lambda would unpack under /opt.
     */
    java.util.List<Path> layerDirectories(JsonNode function) {
        java.util.List<Path> layers = new java.util.ArrayList<>();
        for (JsonNode layer : function.path("Layers")) {
            String id = layer.path("Ref").asText(null);
            String asset = id == null ? null : resources.path(id).path("Metadata").path("aws:asset:path").asText(null);
            if (asset != null) {
                layers.add(directory.resolve(asset));
            }
        }
        return layers;
    }

    /** The single resource of {@code type}; the local stack emulates one tenant stack's shape. */
    Map.Entry<String, JsonNode> single(String type) {
        Map<String, JsonNode> all = ofType(type);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one " + type + " in the tenant template, found " + all.size());
        }
        return all.entrySet().iterator().next();
    }

    void define(String logicalId, String ref, Map<String, String> attributes) {
        physical.put(logicalId, new Physical(ref, attributes));
    }

    /** A property's value with intrinsic functions resolved, as a string. */
    String string(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        if (node.isObject() && node.size() == 1) {
            String function = node.fieldNames().next();
            JsonNode argument = node.get(function);
            switch (function) {
                case "Ref" -> {
                    String name = argument.asText();
                    if (pseudo.containsKey(name)) {
                        return pseudo.get(name);
                    }
                    return resolved(name).ref();
                }
                case "Fn::GetAtt" -> {
                    String attribute = argument.get(1).asText();
                    String value = resolved(argument.get(0).asText()).attributes().get(attribute);
                    if (value == null) {
                        throw new IllegalArgumentException("the local stack does not know " + argument);
                    }
                    return value;
                }
                case "Fn::Join" -> {
                    List<String> parts = new ArrayList<>();
                    argument.get(1).forEach(part -> parts.add(string(part)));
                    return String.join(argument.get(0).asText(), parts);
                }
                case "Fn::Select" -> {
                    // CDK's alias qualifier: {"Fn::Select": [7, {"Fn::Split": [":", {"Ref": "<alias>"}]}]}
                    List<String> list = list(argument.get(1));
                    int index = argument.get(0).asInt(-1);
                    if (index < 0 || index >= list.size()) {
                        throw new IllegalArgumentException("Fn::Select index out of range: " + argument);
                    }
                    return list.get(index);
                }
                default -> throw new IllegalArgumentException("intrinsic function not emulated locally: " + function);
            }
        }
        throw new IllegalArgumentException("cannot resolve " + node);
    }

    private List<String> list(JsonNode node) {
        if (node.isObject() && node.has("Fn::Split")) {
            JsonNode split = node.get("Fn::Split");
            return List.of(string(split.get(1)).split(java.util.regex.Pattern.quote(split.get(0).asText()), -1));
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(n -> values.add(string(n)));
            return values;
        }
        throw new IllegalArgumentException("not a list the local stack can resolve: " + node);
    }

    /** A JSON value with every intrinsic function inside it resolved (for policy documents). */
    JsonNode resolveTree(JsonNode node) {
        if (node.isObject() && node.size() == 1 && isIntrinsic(node.fieldNames().next())) {
            return JSON.getNodeFactory().textNode(string(node));
        }
        if (node.isObject()) {
            var copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolveTree(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(resolveTree(n)));
            return copy;
        }
        return node;
    }

    private static boolean isIntrinsic(String name) {
        return name.equals("Ref") || name.startsWith("Fn::");
    }

    private Physical resolved(String logicalId) {
        Physical p = physical.get(logicalId);
        if (p == null) {
            throw new IllegalArgumentException("the local stack has not created " + logicalId);
        }
        return p;
    }
}
