package org.wardwatch.model.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.reading.Metric;

/** A patient's own bands are read in the tenant file's band format, and refused with the same lines. */
class PatientOverridesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void bandsInTheTenantFormat_areReadByMetric() throws Exception {
        var overrides = PatientOverrides.parse(json(
                "{\"body_temperature\": [{\"min\": 38.1, \"max\": 39.0, \"severity\": \"WARNING\"},"
                        + " {\"min\": 39.1, \"severity\": \"CRITICAL\"}]}"));

        assertThat(overrides).containsOnlyKeys(Metric.BODY_TEMPERATURE);
        assertThat(overrides.get(Metric.BODY_TEMPERATURE)).containsExactly(
                ThresholdBand.between("38.1", "39.0", Severity.WARNING),
                ThresholdBand.atLeast("39.1", Severity.CRITICAL));
    }

    @Test
    void absentOrNull_isNoOverrides() throws Exception {
        assertThat(PatientOverrides.parse(null)).isEmpty();
        assertThat(PatientOverrides.parse(json("null"))).isEmpty();
    }

    @Test
    void aBadBand_isRefusedOnOneLine_namingTheOverridesField() throws Exception {
        assertThatThrownBy(() -> PatientOverrides.parse(json(
                "{\"spo2\": [{\"max\": 91.5, \"severity\": \"CRITICAL\"}], \"pulse\": []}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overrides.spo2[0].max: spo2 bounds have at most 0 decimal place(s)")
                .hasMessageContaining("overrides.pulse: unknown metric")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("thresholds.");
        assertThatThrownBy(() -> PatientOverrides.parse(json("[1]")))
                .hasMessage("overrides: must be an object of metric -> list of bands");
    }

    @Test
    void toJson_writesWhatParseReads() throws Exception {
        var overrides = java.util.Map.of(Metric.SPO2, List.of(ThresholdBand.atMost("85", Severity.CRITICAL),
                ThresholdBand.between("86", "87", Severity.WARNING)));

        JsonNode written = PatientOverrides.toJson(overrides);

        assertThat(written.toString()).isEqualTo("{\"spo2\":[{\"max\":85,\"severity\":\"CRITICAL\"},"
                + "{\"min\":86,\"max\":87,\"severity\":\"WARNING\"}]}");
        assertThat(PatientOverrides.parse(written)).isEqualTo(overrides);
    }
}
