package org.wardwatch.model.tenant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.reading.Metric;

/**
 * The file the stack gives every function ({@code WARDWATCH_CONFIG_FILE}): the validated blocks of the tenant
 * configuration the function reads at start, in the tenant file's own schema, metrics and profiles in a fixed
 * order so the file (and the asset hash) never depends on the tenant file's order. A file, not environment
 * variables: Lambda allows 4 KB for all of a function's variables, and this grows with the configuration.
 */
public final class FunctionConfigFile {

    /** Where the stack's layer puts the file in a function: layers are unpacked under {@code /opt}. */
    public static final String LAYER_DIRECTORY = "wardwatch";
    public static final String FILE_NAME = "tenant-config.json";
    public static final String PATH_IN_FUNCTION = "/opt/" + LAYER_DIRECTORY + "/" + FILE_NAME;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private FunctionConfigFile() {
    }

    /** The file's text; reading it back with {@link FunctionConfigReader} gives the same table and profiles. */
    public static String json(TenantConfig config) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("tenantId", config.tenantId());
        ObjectNode thresholds = root.putObject("thresholds");
        for (Map.Entry<Metric, List<ThresholdBand>> entry : config.thresholds().entrySet()) {
            ArrayNode bands = thresholds.putArray(entry.getKey().code());
            for (ThresholdBand band : entry.getValue()) {
                ObjectNode b = bands.addObject();
                if (band.min() != null) {
                    b.put("min", band.min());
                }
                if (band.max() != null) {
                    b.put("max", band.max());
                }
                b.put("severity", band.severity().name());
            }
        }
        ObjectNode profiles = root.putObject("coldChain").putObject("storageProfiles");
        for (StorageProfile profile : config.coldChain().storageProfiles().values()) {
            ObjectNode p = profiles.putObject(profile.name());
            p.put("min", profile.min());
            p.put("max", profile.max());
            if (profile.freezeAtOrBelow() != null) {
                p.put("freezeAtOrBelow", profile.freezeAtOrBelow());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
