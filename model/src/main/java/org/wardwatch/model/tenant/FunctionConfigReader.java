package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.coldchain.StorageProfile;

/**
 * Reads the tenant configuration file a function is given ({@code WARDWATCH_CONFIG_FILE}) when it starts: the
 * {@code thresholds}, {@code alarmDelays}, {@code coldChain}, {@code wards} (vitals policies and escalations) and
 * {@code news2} blocks and
 * {@code maxReadingAgeMinutes}, with the sections {@link TenantConfigReader} reads them with (so the function refuses
 * exactly what synth refuses, with the same lines). Other blocks are synth's alone and are
 * passed over, so the whole tenant file is also a valid function file.
 */
public final class FunctionConfigReader {

    private FunctionConfigReader() {
    }

    public static FunctionConfig read(Path file) {
        return parse(JsonFields.readFile(file), file.toString());
    }

    public static FunctionConfig parse(String text, String source) {
        JsonNode root = JsonFields.root(text, source);
        JsonFields fields = new JsonFields();
        var thresholds = ThresholdsSection.read(root.get("thresholds"), fields);
        ThresholdTable table = ThresholdTable.news2Defaults().withThresholdOverrides(thresholds);
        AlarmDelays alarmDelays = AlarmDelaysSection.read(fields.object(root, "", "alarmDelays"), table, fields);
        int maxReadingAge = TenantConfigReader.maxReadingAgeMinutes(root, fields);
        ColdChain coldChain = ColdChainSection.read(fields.object(root, "", "coldChain"), fields);
        WardsSection.Wards wards = WardsSection.read(fields.object(root, "", "wards"), fields);
        News2Settings news2 = News2Section.read(fields.object(root, "", "news2"), fields);
        fields.throwIfAny(source);
        return new FunctionConfig(table, StorageProfile.defaultsWith(coldChain.storageProfiles()), alarmDelays,
                maxReadingAge, wards.vitals(), news2, wards.escalation());
    }
}
