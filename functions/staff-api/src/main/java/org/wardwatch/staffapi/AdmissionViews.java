package org.wardwatch.staffapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.NurseObservations;
import org.wardwatch.functions.service.ObservationService;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.tenant.PatientOverrides;

/**
 * What the admission and observation endpoints read and answer. Bodies are read strictly (JsonStrictness: unknown
 * fields, and text, fractions or numbers where a number or true/false belongs, are 400). The actor of every write
 * is the caller's {@code cognito:username}: no body names who. Times ISO-8601 UTC (offset Z).
 */
public final class AdmissionViews {

    private AdmissionViews() {
    }

    @Schema(name = "AdmissionRequest", description = "admit (patientRef, spo2Scale) or transfer into this bed "
            + "(transferFrom): exactly one of patientRef and transferFrom")
    public record AdmitBody(
            @Schema(description = "the patient's opaque reference: 3-40 of A-Z a-z 0-9 . _ - with a digit, never a "
                    + "name or hospital number", examples = "adm-0003") String patientRef,
            @Schema(description = "the NEWS2 SpO2 scale (default 1); 2 is prescribed by a clinician",
                    enumeration = {"1", "2"}, type = SchemaType.INTEGER) Integer spo2Scale,
            @Schema(description = "the bed the patient leaves: a transfer keeps their settings") BedRef transferFrom) {
    }

    @Schema(name = "BedRef")
    public record BedRef(@Schema(examples = "ICU-3") String ward, @Schema(examples = "12") String bed) {
    }

    @Schema(name = "AdmissionSettings", description = "spo2Scale, overrides or both, and why")
    public record SettingsBody(
            @Schema(description = "the NEWS2 SpO2 scale", enumeration = {"1", "2"}, type = SchemaType.INTEGER)
            Integer spo2Scale,
            @Schema(type = SchemaType.OBJECT, description = "the patient's own threshold bands by metric, in the "
                    + "tenant configuration's band format; {} removes them", examples = "{\"spo2\": [{\"severity\": "
                    + "\"WARNING\", \"below\": 90}]}") JsonNode overrides,
            @Schema(description = "why, 1-500 characters", required = true,
                    examples = "COPD: target 88-92% per respiratory team") String reason) {
    }

    @Schema(name = "ObservationRequest", description = "consciousness, oxygen or both")
    public record ObservationBody(
            @Schema(description = "ACVPU", enumeration = {"A", "C", "V", "P", "U"}) String consciousness,
            @Schema(description = "true on supplemental oxygen, false on air") Boolean oxygen,
            @Schema(format = "date-time", description = "when observed, ISO-8601 with offset, not in the future; "
                    + "default now") String time) {
    }

    @Schema(name = "AdmissionView", description = "a bed's admission as it now stands (or, after a discharge, as it "
            + "ended), with the bed's alerts a discharge or transfer resolved")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdmissionView(@Schema(examples = "ICU-3") String ward, @Schema(examples = "12") String bed,
                                @Schema(examples = "adm-0003") String patientRef,
                                @Schema(format = "date-time") String admittedAt,
                                @Schema(enumeration = {"1", "2"}) int spo2Scale,
                                @Schema(description = "who prescribed scale 2") String spo2ScaleBy,
                                @Schema(format = "date-time") String spo2ScaleAt,
                                @Schema(type = SchemaType.OBJECT, description = "the patient's own threshold bands")
                                JsonNode overrides,
                                @Schema(description = "discharge and transfer: the alert ids resolved")
                                List<String> resolvedAlerts) {

        static AdmissionView of(Admission a, List<String> resolvedAlerts) {
            return new AdmissionView(a.ward(), a.bed(), a.patientRef(), AlertView.time(a.admittedAt()),
                    a.spo2Scale(), a.spo2ScaleBy(), AlertView.time(a.spo2ScaleAt()),
                    PatientOverrides.toJson(a.overrides()), resolvedAlerts);
        }
    }

    @Schema(name = "ObservationView", description = "the bed's nurse observations now and, on a ward that scores "
            + "NEWS2, the bed's score and its NEWS2 alert's transition")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObservationView(String ward, String bed,
                                  @Schema(enumeration = {"A", "C", "V", "P", "U"}) String consciousness,
                                  @Schema(format = "date-time") String consciousnessAt, String consciousnessBy,
                                  Boolean oxygen, @Schema(format = "date-time") String oxygenAt, String oxygenBy,
                                  @Schema(description = "null on a ward that does not score NEWS2") Score news2,
                                  @Schema(description = "the NEWS2 alert's transition, if the observation made one")
                                  AlertChange alert) {

        static ObservationView of(String ward, String bed, ObservationService.Outcome outcome) {
            NurseObservations o = outcome.observations();
            return new ObservationView(ward, bed, o.consciousness() == null ? null : o.consciousness().code(),
                    AlertView.time(o.consciousnessAt()), o.consciousnessBy(), o.oxygen(),
                    AlertView.time(o.oxygenAt()), o.oxygenBy(),
                    outcome.score().map(s -> new Score(s.total(), s.response().name(), s.partial(),
                            s.missing().stream().map(News2Parameter::code).toList())).orElse(null),
                    outcome.transition().map(t -> new AlertChange(t.alertId(), t.transition().name(),
                            t.severity().name())).orElse(null));
        }
    }

    @Schema(name = "News2Score")
    public record Score(int score, @Schema(enumeration = {"LOW", "LOW_MEDIUM", "MEDIUM", "HIGH"}) String response,
                        boolean partial, List<String> missing) {
    }

    @Schema(name = "AlertChange")
    public record AlertChange(String alertId,
                              @Schema(enumeration = {"OPENED", "ESCALATED", "DOWNGRADED", "RESOLVED"}) String transition,
                              @Schema(enumeration = {"NONE", "WARNING", "CRITICAL"}) String severity) {
    }
}
