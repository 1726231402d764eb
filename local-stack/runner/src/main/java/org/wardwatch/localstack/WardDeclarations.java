package org.wardwatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wardwatch.localstack.ReplayFile.Line;
import org.wardwatch.localstack.ReplayFile.WardPolicy;

/**
 * A replay file's {@code declare ward} lines are configuration: before the stack starts they are merged into the
 * tenant configuration it is synthesized from, as {@code "wards": {"W5": {"vitals": "news2"}}}, so a ward's policy
 * holds for the whole replay. The configuration is what is being tried, so a ward it names keeps its own
 * {@code vitals} (each declaration it overrules is named): replaying a file under another configuration
 * ({@code --compare}) shows what that configuration would have done. Other wards, and other settings, stay as
 * configured.
 */
final class WardDeclarations {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The merged configuration, and one sentence per declaration the configuration overruled. */
    record Merged(ObjectNode config, List<String> overruled) {
    }

    private WardDeclarations() {
    }

    static List<WardPolicy> of(List<Line> lines) {
        return lines.stream().filter(WardPolicy.class::isInstance).map(WardPolicy.class::cast).toList();
    }

    static Merged merge(JsonNode config, List<WardPolicy> declared) {
        ObjectNode merged = config.deepCopy();
        List<String> overruled = new ArrayList<>();
        for (WardPolicy policy : declared) {
            JsonNode wards = merged.get("wards");
            ObjectNode all = wards instanceof ObjectNode o ? o : merged.putObject("wards");
            JsonNode ward = all.get(policy.ward());
            ObjectNode settings = ward instanceof ObjectNode o ? o : all.putObject(policy.ward());
            JsonNode configured = settings.get("vitals");
            if (configured == null) {
                settings.put("vitals", policy.vitals().code());
            } else if (!configured.asText().equals(policy.vitals().code())) {
                overruled.add("ward " + policy.ward() + ": vitals " + configured.asText() + " as configured, not "
                        + policy.vitals().code() + " as replay line " + policy.number() + " declares");
            }
        }
        return new Merged(merged, overruled);
    }

    /**
     * The tenant configuration a replay of {@code lines} runs under: {@code config} itself when the file declares
     * no ward, else the merged configuration written to {@code target}.
     */
    static Path configuration(Path config, List<Line> lines, Path target, java.io.PrintStream progress) {
        List<WardPolicy> declared = of(lines);
        if (declared.isEmpty()) {
            return config;
        }
        try {
            Merged merged = merge(JSON.readTree(config.toFile()), declared);
            merged.overruled().forEach(r -> progress.println("[local-stack] " + r));
            Files.createDirectories(target.getParent());
            Files.writeString(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged.config()) + "\n");
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the replay's ward declarations into " + config, e);
        }
    }
}
