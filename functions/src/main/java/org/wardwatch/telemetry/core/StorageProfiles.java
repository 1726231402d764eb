package org.wardwatch.telemetry.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a tenant's own storage profiles: {@code {"<name>": {"min": 2.0, "max": 6.0, "freezeAtOrBelow": 0.0}}}
 * (temperatures in degC, one decimal; {@code freezeAtOrBelow} optional). They are added to the defaults, or
 * replace a default of the same name. Errors name the field.
 */
public final class StorageProfiles {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

    private StorageProfiles() {
    }

    public static Map<String, StorageProfile> withOverrides(String source, String json) {
        Map<String, StorageProfile> profiles = StorageProfile.defaults();
        if (json == null || json.isBlank()) {
            return profiles;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigurationException(source + ": not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigurationException(source + ": must be a JSON object from profile name to range");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = source + "." + entry.getKey();
            if (!NAME.matcher(entry.getKey()).matches()) {
                throw new InvalidConfigurationException(field + ": a profile name is 1-64 of a-z 0-9 _");
            }
            JsonNode node = entry.getValue();
            if (!node.isObject()) {
                throw new InvalidConfigurationException(field + ": must be an object with min and max");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!List.of("min", "max", "freezeAtOrBelow").contains(name)) {
                    throw new InvalidConfigurationException(field + "." + name
                            + ": unknown field (min, max, freezeAtOrBelow)");
                }
            }
            BigDecimal min = temperature(field + ".min", node.get("min"), true);
            BigDecimal max = temperature(field + ".max", node.get("max"), true);
            BigDecimal freeze = temperature(field + ".freezeAtOrBelow", node.get("freezeAtOrBelow"), false);
            if (min.compareTo(max) > 0) {
                throw new InvalidConfigurationException(field + ": min is above max");
            }
            if (freeze != null && freeze.compareTo(min) >= 0) {
                throw new InvalidConfigurationException(field + ".freezeAtOrBelow: must be below min");
            }
            profiles.put(entry.getKey(), new StorageProfile(entry.getKey(), min, max, freeze));
        }
        return profiles;
    }

    private static BigDecimal temperature(String field, JsonNode node, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidConfigurationException(field + ": is required");
            }
            return null;
        }
        if (!node.isNumber()) {
            throw new InvalidConfigurationException(field + ": must be a number (degC)");
        }
        BigDecimal value = node.decimalValue();
        if (value.stripTrailingZeros().scale() > 1 || value.abs().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidConfigurationException(field + ": one decimal at most, between -100 and 100");
        }
        return value.setScale(1);
    }
}
