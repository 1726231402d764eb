package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.wardwatch.model.alert.ThresholdOverride;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.reading.Metric;

/**
 * Reads threshold overrides written in the tenant file's band format outside it, e.g. a patient's
 * {@code "overrides": {metric: bands}}, with the rules of the tenant's {@code thresholds} block, checked against
 * the table they will be merged over (for a patient, the tenant's effective table): the same one-line refusals.
 */
public final class ThresholdOverridesReader {

    /** The overrides read (only those without problems), and every problem, each line starting with its path. */
    public record Result(Map<Metric, ThresholdOverride> overrides, List<String> problems) {
        public Result {
            overrides = Map.copyOf(overrides);
            problems = List.copyOf(problems);
        }
    }

    private ThresholdOverridesReader() {
    }

    /** {@code node} (null for none) at {@code path}, e.g. {@code overrides}, to be merged over {@code base}. */
    public static Result read(JsonNode node, String path, ThresholdTable base) {
        JsonFields fields = new JsonFields();
        Map<Metric, ThresholdOverride> overrides = ThresholdsSection.read(node, path, base, fields);
        return new Result(overrides, fields.problems());
    }
}
