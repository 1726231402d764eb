package org.wardwatch.model.coldchain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.reading.Metric;

/**
 * The range a storage appliance must hold, inclusive at one decimal (degC), and for vaccine fridges the
 * temperature at or below which stock freezes (freezing destroys many vaccines: an alert is CRITICAL at once).
 *
 * @param freezeAtOrBelow null when freezing is not a hazard of this profile
 */
public record StorageProfile(String name, BigDecimal min, BigDecimal max, BigDecimal freezeAtOrBelow) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

    /** The rule of a profile name, as messages state it. */
    public static final String NAME_RULE = "1-64 characters of a-z, 0-9 and '_'";

    public StorageProfile {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("storage profile " + name + ": min is above max");
        }
    }

    /** Whether a name may name a profile (a device's {@code storageProfile}, a tenant's own profile). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Default profiles: docs/clinical-defaults.md, "Cold chain". */
    public static Map<String, StorageProfile> defaults() {
        Map<String, StorageProfile> profiles = new LinkedHashMap<>();
        profiles.put("vaccine_fridge", new StorageProfile("vaccine_fridge", new BigDecimal("2.0"),
                new BigDecimal("8.0"), new BigDecimal("0.0")));
        profiles.put("vaccine_freezer", new StorageProfile("vaccine_freezer", new BigDecimal("-50.0"),
                new BigDecimal("-15.0"), null));
        profiles.put("ultra_low_freezer", new StorageProfile("ultra_low_freezer", new BigDecimal("-90.0"),
                new BigDecimal("-60.0"), null));
        return profiles;
    }

    /** The defaults with a tenant's own profiles added, or replacing a default of the same name. */
    public static Map<String, StorageProfile> defaultsWith(Map<String, StorageProfile> tenantProfiles) {
        Map<String, StorageProfile> profiles = defaults();
        profiles.putAll(tenantProfiles);
        return profiles;
    }

    /** Whether a temperature, rounded half-up to one decimal, is within the range. */
    public boolean contains(double temperature) {
        BigDecimal t = ThresholdTable.round(Metric.STORAGE_TEMPERATURE, temperature);
        return t.compareTo(min) >= 0 && t.compareTo(max) <= 0;
    }

    /** Whether a temperature, rounded half-up to one decimal, freezes the stock. */
    public boolean freezes(double temperature) {
        return freezeAtOrBelow != null
                && ThresholdTable.round(Metric.STORAGE_TEMPERATURE, temperature).compareTo(freezeAtOrBelow) <= 0;
    }

    /** e.g. {@code 2.0..8.0 C}. */
    public String range() {
        return min.toPlainString() + ".." + max.toPlainString() + " C";
    }
}
