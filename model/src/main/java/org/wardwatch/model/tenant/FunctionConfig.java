package org.wardwatch.model.tenant;

import java.util.Map;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.coldchain.StorageProfile;

/**
 * What a function takes from the tenant configuration file at start.
 *
 * @param thresholds      the effective table: NEWS2 defaults with the tenant's overrides
 * @param storageProfiles the default profiles with the tenant's own added or replacing them, by name
 */
public record FunctionConfig(ThresholdTable thresholds, Map<String, StorageProfile> storageProfiles) {

    /** No configuration file: the defaults. */
    public static FunctionConfig defaults() {
        return new FunctionConfig(ThresholdTable.news2Defaults(), StorageProfile.defaults());
    }
}
