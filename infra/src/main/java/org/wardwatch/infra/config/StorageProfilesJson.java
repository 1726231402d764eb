package org.wardwatch.infra.config;

import java.util.Map;
import java.util.TreeMap;

/** A tenant's storage profiles in the form the telemetry function reads from {@code WARDWATCH_STORAGE_PROFILES}. */
public final class StorageProfilesJson {

    private StorageProfilesJson() {
    }

    /**
     * {@code {"blood_fridge":{"min":2.0,"max":6.0,"freezeAtOrBelow":0.0}}}: profiles sorted by name, fields in this
     * fixed order, temperatures with one decimal, so the template text never depends on the file's order.
     */
    public static String of(Map<String, StorageProfile> profiles) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, StorageProfile> entry : new TreeMap<>(profiles).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            StorageProfile profile = entry.getValue();
            // Names are [a-z0-9_] (validated): nothing to escape.
            json.append('"').append(entry.getKey()).append("\":{")
                    .append("\"min\":").append(profile.min().toPlainString())
                    .append(",\"max\":").append(profile.max().toPlainString());
            if (profile.freezeAtOrBelow() != null) {
                json.append(",\"freezeAtOrBelow\":").append(profile.freezeAtOrBelow().toPlainString());
            }
            json.append('}');
        }
        return json.append('}').toString();
    }
}
