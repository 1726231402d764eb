package org.wardwatch.model.tenant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.alert.ThresholdOverride;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.escalation.EscalationPolicy;
import org.wardwatch.model.escalation.EscalationStep;
import org.wardwatch.model.reading.Metric;

/**
 * The file the stack gives every function ({@code WARDWATCH_CONFIG_FILE}): the validated blocks of the tenant
 * configuration the function reads at start (thresholds, alarm delays where they differ from the defaults,
 * the maximum reading age, storage profiles, each named ward's vitals policy and escalation, NEWS2's settings), in
 * the tenant file's own schema, metrics, profiles and wards in a fixed order (a ward's escalation steps as given) so
 * the file (and the asset hash) never depends on the tenant file's order. A file, not environment variables:
 * Lambda allows 4 KB for all of a function's variables, and this grows with the configuration.
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

    /** The file's text; reading it back with {@link FunctionConfigReader} gives the same table, profiles, ward
     * policies, ward escalations and NEWS2 settings. */
    public static String json(TenantConfig config) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("tenantId", config.tenantId());
        ObjectNode thresholds = root.putObject("thresholds");
        for (Map.Entry<Metric, ThresholdOverride> entry : config.thresholds().entrySet()) {
            ThresholdOverride override = entry.getValue();
            if (override.isBandsOnly()) {
                bands(thresholds.putArray(entry.getKey().code()), override.bands());
            } else {
                ObjectNode o = thresholds.putObject(entry.getKey().code());
                bands(o.putArray("bands"), override.bands());
                ArrayNode sides = o.putArray("clearSides");
                override.clearSides().stream().sorted().forEach(side -> sides.add(side.code()));
                o.put("removesCritical", override.removesCritical());
                if (override.reason() != null) {
                    o.put("reason", override.reason());
                }
            }
        }
        ObjectNode delays = root.putObject("alarmDelays");
        AlarmDelays defaults = AlarmDelays.defaults();
        config.alarmDelays().asMap().forEach((metric, delay) -> {
            if (!delay.equals(defaults.of(metric))) {
                ObjectNode d = delays.putObject(metric.code());
                d.put("confirmSeconds", delay.confirm().toSeconds());
                d.put("resolveSeconds", delay.resolve().toSeconds());
                d.put("immediateAtOrBelow", delay.immediateAtOrBelow());
                d.put("immediateAtOrAbove", delay.immediateAtOrAbove());
            }
        });
        root.put("maxReadingAgeMinutes", config.maxReadingAgeMinutes());
        ObjectNode profiles = root.putObject("coldChain").putObject("storageProfiles");
        for (StorageProfile profile : config.coldChain().storageProfiles().values()) {
            ObjectNode p = profiles.putObject(profile.name());
            p.put("min", profile.min());
            p.put("max", profile.max());
            if (profile.freezeAtOrBelow() != null) {
                p.put("freezeAtOrBelow", profile.freezeAtOrBelow());
            }
        }
        wards(root.putObject("wards"), config);
        ObjectNode news2 = root.putObject("news2");
        news2.put("windowMinutes", config.news2().window().toMinutes());
        news2.put("resolveSeconds", config.news2().resolve().toSeconds());
        news2.put("observationMinutes", config.news2().observationValid().toMinutes());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each ward named, by name: its vitals policy and, where it names one, its escalation (steps as given). */
    private static void wards(ObjectNode wards, TenantConfig config) {
        Set<String> named = new TreeSet<>(config.wardVitals().keySet());
        named.addAll(config.wardEscalation().keySet());
        for (String ward : named) {
            ObjectNode w = wards.putObject(ward);
            VitalsPolicy vitals = config.wardVitals().get(ward);
            if (vitals != null) {
                w.put("vitals", vitals.code());
            }
            EscalationPolicy escalation = config.wardEscalation().get(ward);
            if (escalation != null) {
                ObjectNode e = w.putObject("escalation");
                steps(e.putArray("critical"), escalation.critical());
                steps(e.putArray("warning"), escalation.warning());
            }
        }
    }

    private static void steps(ArrayNode array, List<EscalationStep> steps) {
        for (EscalationStep step : steps) {
            if (step.after().toSecondsPart() != 0 || step.after().toNanosPart() != 0) {
                throw new IllegalArgumentException("the tenant file has whole minutes of escalation, not " + step);
            }
            ObjectNode s = array.addObject();
            s.put("afterMinutes", step.after().toMinutes());
            s.put("tier", step.tier());
            s.put("kind", EscalationSection.code(step.kind()));
        }
    }

    /** Bands in the tenant file's format (min/max inclusive, above/below exclusive); a patient's overrides too. */
    static void bands(ArrayNode array, List<ThresholdBand> bands) {
        for (ThresholdBand band : bands) {
            ObjectNode b = array.addObject();
            if (band.lower() != null) {
                b.put(band.lower().inclusive() ? "min" : "above", band.lower().value());
            }
            if (band.upper() != null) {
                b.put(band.upper().inclusive() ? "max" : "below", band.upper().value());
            }
            b.put("severity", band.severity().name());
        }
    }
}
