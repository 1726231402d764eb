package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.wardwatch.model.coldchain.ColdChainSettings;
import org.wardwatch.model.coldchain.StorageProfile;

/**
 * The {@code coldChain} block: excursion and door delays, retention, and the tenant's own storage profiles
 * ({@code {"blood_fridge": {"min": 2.0, "max": 6.0, "freezeAtOrBelow": 0.0}}}, degC at one decimal), which are added
 * to the defaults or replace a default of the same name.
 */
final class ColdChainSection {

    /** Cold-chain temperatures: degC, one decimal, within the possible range of storage_temperature. */
    private static final BigDecimal MAX_ABS_TEMPERATURE = BigDecimal.valueOf(100);
    private static final String MINUTES = "a whole number of minutes, 0 or more";

    private ColdChainSection() {
    }

    static ColdChain read(JsonNode node, JsonFields fields) {
        if (node == null) {
            return ColdChain.DEFAULTS;
        }
        String path = "coldChain.";
        fields.allowOnly(node, path, "excursionWarningMinutes", "excursionCriticalMinutes", "doorOpenWarningMinutes",
                "retentionDays", "storageProfiles");
        Integer warning = fields.optionalWholeNumber(node, path, "excursionWarningMinutes", 0, Integer.MAX_VALUE,
                MINUTES);
        Integer critical = fields.optionalWholeNumber(node, path, "excursionCriticalMinutes", 0, Integer.MAX_VALUE,
                MINUTES);
        Integer door = fields.optionalWholeNumber(node, path, "doorOpenWarningMinutes", 0, Integer.MAX_VALUE, MINUTES);
        Integer retentionDays = fields.optionalWholeNumber(node, path, "retentionDays", 1, 3653,
                "a whole number from 1 to 3653");
        // With the function's default for one left out: the function refuses to start if critical < warning.
        boolean bothValid = (warning != null || !node.has("excursionWarningMinutes"))
                && (critical != null || !node.has("excursionCriticalMinutes"));
        int effectiveWarning = warning != null ? warning : ColdChainSettings.DEFAULT_WARNING_MINUTES;
        int effectiveCritical = critical != null ? critical : ColdChainSettings.DEFAULT_CRITICAL_MINUTES;
        if (bothValid && effectiveCritical < effectiveWarning) {
            fields.add(critical != null
                    ? path + "excursionCriticalMinutes: must be at least excursionWarningMinutes (" + effectiveWarning
                            + (warning == null ? ", the default)" : ")")
                    : path + "excursionWarningMinutes: must be at most excursionCriticalMinutes (" + effectiveCritical
                            + ", the default)");
        }
        return new ColdChain(warning, critical, door, retentionDays, storageProfiles(node.get("storageProfiles"),
                fields));
    }

    /** The tenant's own profiles, by name. */
    static Map<String, StorageProfile> storageProfiles(JsonNode node, JsonFields fields) {
        Map<String, StorageProfile> profiles = new TreeMap<>();
        if (node == null) {
            return profiles;
        }
        if (!node.isObject()) {
            fields.add("coldChain.storageProfiles: must be an object of profile name -> {min, max, freezeAtOrBelow}");
            return profiles;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = "coldChain.storageProfiles." + entry.getKey();
            if (!StorageProfile.isValidName(entry.getKey())) {
                fields.add(field + ": a profile name must be " + StorageProfile.NAME_RULE);
                continue;
            }
            JsonNode profile = entry.getValue();
            if (!profile.isObject()) {
                fields.add(field + ": must be an object with min, max and optionally freezeAtOrBelow");
                continue;
            }
            fields.allowOnly(profile, field + ".", "min", "max", "freezeAtOrBelow");
            BigDecimal min = temperature(profile, field, "min", true, fields);
            BigDecimal max = temperature(profile, field, "max", true, fields);
            BigDecimal freeze = temperature(profile, field, "freezeAtOrBelow", false, fields);
            if (min != null && max != null && min.compareTo(max) > 0) {
                fields.add(field + ": min " + min + " is above max " + max);
            } else if (min != null && freeze != null && freeze.compareTo(min) >= 0) {
                fields.add(field + ".freezeAtOrBelow: must be below min " + min);
            } else if (min != null && max != null) {
                profiles.put(entry.getKey(), new StorageProfile(entry.getKey(), min, max, freeze));
            }
        }
        return profiles;
    }

    /** A temperature in degC with at most one decimal, -100 to 100; returned with scale 1 ({@code 2.0}). */
    private static BigDecimal temperature(JsonNode parent, String path, String name, boolean required,
                                          JsonFields fields) {
        String field = path + "." + name;
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                fields.add(field + ": is required");
            }
            return null;
        }
        if (!node.isNumber()) {
            fields.add(field + ": must be a number (degC)");
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.stripTrailingZeros().scale() > 1 || value.abs().compareTo(MAX_ABS_TEMPERATURE) > 0) {
            fields.add(field + ": must be degC with at most one decimal, from -100 to 100");
            return null;
        }
        return value.setScale(1);
    }
}
