package org.wardwatch.model.tenant;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.wardwatch.model.coldchain.StorageProfile;

/**
 * The tenant's cold-chain settings (vaccine fridges and freezers). A null setting was not given in the
 * configuration: the function's own default applies, so the stack does not set its environment variable.
 *
 * @param excursionWarningMinutes  an excursion still out of range this long after its start raises a WARNING
 *                                 ({@code WARDWATCH_EXCURSION_WARNING_MINUTES}, function default 15)
 * @param excursionCriticalMinutes ... this long after its start, CRITICAL
 *                                 ({@code WARDWATCH_EXCURSION_CRITICAL_MINUTES}, default 60)
 * @param doorOpenWarningMinutes   a door still open this long raises a WARNING
 *                                 ({@code WARDWATCH_DOOR_OPEN_WARNING_MINUTES}, default 5)
 * @param retentionDays            how long storage temperatures, door readings and excursion records are kept
 *                                 ({@code WARDWATCH_COLD_CHAIN_RETENTION_DAYS}, default 1096: CDC's 3 years)
 * @param storageProfiles          the tenant's own profiles by name, sorted (in the functions' configuration file)
 */
public record ColdChain(
        Integer excursionWarningMinutes,
        Integer excursionCriticalMinutes,
        Integer doorOpenWarningMinutes,
        Integer retentionDays,
        Map<String, StorageProfile> storageProfiles) {

    /** No cold-chain block: every setting is the function's default. */
    public static final ColdChain DEFAULTS = new ColdChain(null, null, null, null, Map.of());

    public ColdChain {
        // Sorted by name: the profiles are written into the template and must not depend on the file's order.
        storageProfiles = Collections.unmodifiableMap(new TreeMap<>(storageProfiles));
    }
}
