package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.reading.Metric;

/**
 * A patient's own threshold bands, {@code {"metric": [bands]}} in the band format of the tenant configuration's
 * {@code thresholds} block, read by the same code (so a band the tenant file refuses is refused here too, with the
 * same line, under {@code overrides.} instead of {@code thresholds.}).
 */
public final class PatientOverrides {

    private static final String TENANT_PATH = "thresholds";
    private static final String PATIENT_PATH = "overrides";

    private PatientOverrides() {
    }

    /**
     * The bands by metric; an absent or null node is no overrides.
     *
     * @throws IllegalArgumentException with every problem, each prefixed by its field, on one line
     */
    public static Map<Metric, List<ThresholdBand>> parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(PATIENT_PATH + ": must be an object of metric -> list of bands");
        }
        ThresholdOverridesReader.Result read = ThresholdOverridesReader.read(node, PATIENT_PATH,
                ThresholdTable.news2Defaults());
        List<String> problems = new java.util.ArrayList<>(read.problems());
        Map<Metric, List<ThresholdBand>> bands = new java.util.EnumMap<>(Metric.class);
        read.overrides().forEach((metric, override) -> {
            if (!override.isBandsOnly()) {
                problems.add(PATIENT_PATH + "." + metric.code() + ": a patient's override is a list of bands "
                        + "(clearSides and removesCritical are for the tenant's configuration)");
            } else {
                bands.put(metric, override.bands());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems.stream()
                    .map(PatientOverrides::patientPath).toList()));
        }
        return Map.copyOf(bands);
    }

    /** The bands in the format {@link #parse} reads, metrics in their declaration order. */
    public static ObjectNode toJson(Map<Metric, List<ThresholdBand>> overrides) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (Metric metric : Metric.values()) {
            List<ThresholdBand> bands = overrides.get(metric);
            if (bands == null) {
                continue;
            }
            FunctionConfigFile.bands(root.putArray(metric.code()), bands);
        }
        return root;
    }

    private static String patientPath(String problem) {
        return problem.startsWith(TENANT_PATH) ? PATIENT_PATH + problem.substring(TENANT_PATH.length()) : problem;
    }
}
