package org.wardwatch.functions.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Map;

/**
 * One line of CloudWatch's embedded metric format: counts under namespace {@code wardwatch} with their dimensions,
 * which Lambda ships to CloudWatch Logs and CloudWatch turns into metrics. Counts and reason codes only.
 */
final class EmbeddedMetrics {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedMetrics() {
    }

    /** Writes {@code values} (metric name to count, unit Count) with {@code dimensions} as one line to {@code out}. */
    static void emit(PrintStream out, Map<String, String> dimensions, Map<String, Integer> values) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", System.currentTimeMillis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", "wardwatch");
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        dimensions.keySet().forEach(dimensionSet::add);
        ArrayNode metrics = directive.putArray("Metrics");
        values.forEach((name, value) -> {
            metrics.addObject().put("Name", name).put("Unit", "Count");
            line.put(name, value);
        });
        dimensions.forEach(line::put);
        out.println(line);
    }
}
