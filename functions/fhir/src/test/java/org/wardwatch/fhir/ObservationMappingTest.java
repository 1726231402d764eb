package org.wardwatch.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.news2.News2Response;
import org.wardwatch.model.news2.News2Score;
import org.wardwatch.model.reading.Metric;

/**
 * Every Observation the mapping produces, validated offline with HAPI's validator against base R4 and the profile it
 * claims (the R4 vital-signs profiles): zero errors. The validator enforces the profiles' category slice, fixed
 * LOINC codes and UCUM units and the subject; LOINC membership itself it can only warn about (no terminology
 * server), so warnings are not counted.
 */
class ObservationMappingTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00.250Z");
    private static final ObservationMapping MAPPING = new ObservationMapping("st-aurelia",
            "https://st-aurelia.example.org/fhir/sid/admission");
    private static FhirContext fhir;
    private static FhirValidator validator;

    @BeforeAll
    static void validator() {
        fhir = FhirContext.forR4();
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        validator = fhir.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
    }

    private static List<String> errors(Observation o) {
        return validator.validateWithResult(o).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString).toList();
    }

    private static PatientReading reading(Metric metric, DeviceKind kind, double value) {
        return new PatientReading("D#ox-12#m-1#" + metric.code(), "adm-0012", "ox-12", kind, metric, value, AT);
    }

    private static DeviceKind kindOf(Metric metric) {
        return switch (metric) {
            case BODY_TEMPERATURE -> DeviceKind.THERMOMETER;
            case GLUCOSE -> DeviceKind.GLUCOSE_METER;
            case RESPIRATORY_RATE -> DeviceKind.CARDIAC_MONITOR;
            default -> DeviceKind.PULSE_OXIMETER;
        };
    }

    @ParameterizedTest
    @EnumSource(value = VitalSignsProfile.class, names = "BLOOD_PRESSURE", mode = EnumSource.Mode.EXCLUDE)
    void eachMetricsReading_conformsToItsProfile_withZeroErrors(VitalSignsProfile profile) {
        Metric metric = profile.metric();
        Observation o = MAPPING.reading(reading(metric, kindOf(metric), metric == Metric.GLUCOSE ? 104 : 37));

        assertThat(errors(o)).isEmpty();
        assertThat(o.getMeta().getProfile().get(0).getValue()).isEqualTo(profile.url());
        assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
        assertThat(o.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        Quantity q = o.getValueQuantity();
        assertThat(q.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(q.getCode()).isEqualTo(metric.canonicalUnit());
        assertThat(o.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-20T10:00:00.250Z");
        assertThat(o.getSubject().getIdentifier().getValue()).isEqualTo("adm-0012");
        assertThat(o.getDevice().getIdentifier().getValue()).isEqualTo("ox-12");
        assertThat(o.getIdentifierFirstRep().getValue()).isEqualTo("D#ox-12#m-1#" + metric.code());
    }

    @Test
    void theLoincCodes_areTheModelsAndTheProfiles() {
        Map<Metric, String> expected = Map.of(Metric.HEART_RATE, "8867-4", Metric.RESPIRATORY_RATE, "9279-1",
                Metric.SPO2, "2708-6", Metric.BODY_TEMPERATURE, "8310-5");
        expected.forEach((metric, loinc) -> assertThat(MAPPING.reading(reading(metric, kindOf(metric), 37))
                .getCode().getCodingFirstRep().getCode()).as(metric.code()).isEqualTo(loinc));
        assertThat(MAPPING.reading(reading(Metric.GLUCOSE, DeviceKind.GLUCOSE_METER, 104)).getCode()
                .getCodingFirstRep().getCode()).as("a bedside meter measures capillary glucose").isEqualTo("41653-7");
        assertThat(MAPPING.reading(reading(Metric.GLUCOSE, DeviceKind.SMARTWATCH, 104)).getCode()
                .getCodingFirstRep().getCode()).isEqualTo("2339-0");
    }

    @Test
    void aBloodPressure_isOnePanel_withItsTwoComponents_andConforms() {
        Observation o = MAPPING.bloodPressure(reading(Metric.SYSTOLIC_BP, DeviceKind.BP_MONITOR, 124),
                reading(Metric.DIASTOLIC_BP, DeviceKind.BP_MONITOR, 78));

        assertThat(errors(o)).isEmpty();
        assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("85354-9");
        assertThat(o.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("8480-6", "8462-4");
        assertThat(o.getComponent().get(0).getValueQuantity().getValue()).isEqualByComparingTo("124");
        assertThat(o.hasValue()).isFalse();
    }

    @Test
    void aBloodPressurePanel_withoutItsDiastolic_wouldBeInvalid_soTheValidatorHere_isNoRubberStamp() {
        Observation o = MAPPING.bloodPressure(reading(Metric.SYSTOLIC_BP, DeviceKind.BP_MONITOR, 124),
                reading(Metric.DIASTOLIC_BP, DeviceKind.BP_MONITOR, 78));
        o.getComponent().remove(1);

        assertThat(errors(o)).isNotEmpty();
    }

    @Test
    void everyMetric_isExportedUnderAProfile_inTheBloodPressurePanel_orNotAtAll_becauseItIsNoPatientsData() {
        for (Metric metric : Metric.values()) {
            boolean place = metric.watch() == Metric.Watch.ENVIRONMENT || metric.watch() == Metric.Watch.STORAGE_PROFILE
                    || metric.watch() == Metric.Watch.DOOR_DELAY;
            boolean panel = metric == Metric.SYSTOLIC_BP || metric == Metric.DIASTOLIC_BP;
            assertThat(VitalSignsProfile.of(metric).isPresent()).as(metric.code()).isEqualTo(!place && !panel);
        }
    }

    @Test
    void readingsThatAreNotAPatientsOwnVitalSign_areNotExportedAlone() {
        for (Metric metric : EnumSet.of(Metric.SYSTOLIC_BP, Metric.ROOM_TEMPERATURE, Metric.STORAGE_TEMPERATURE)) {
            assertThatThrownBy(() -> MAPPING.reading(reading(metric, DeviceKind.PULSE_OXIMETER, 1)))
                    .as(metric.code()).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> MAPPING.bloodPressure(reading(Metric.SYSTOLIC_BP, DeviceKind.BP_MONITOR, 124),
                new PatientReading("k", "adm-0013", "bp-12", DeviceKind.BP_MONITOR, Metric.DIASTOLIC_BP, 78, AT)))
                .hasMessageContaining("not of one measurement");
    }

    @Test
    void aNews2Score_isTheSnomedTotal_withItsSubScores_derivedFromItsReadings_andConforms() {
        News2Score score = new News2Score(6, Map.of(News2Parameter.RESPIRATION_RATE, 3, News2Parameter.SPO2, 2,
                News2Parameter.AIR_OR_OXYGEN, 0, News2Parameter.SYSTOLIC_BP, 0, News2Parameter.PULSE, 1,
                News2Parameter.CONSCIOUSNESS, 0, News2Parameter.TEMPERATURE, 0), java.util.Set.of(),
                News2Response.MEDIUM);

        Observation o = MAPPING.news2("B#Resp-5#3#N#2026-11-20T10:00:00.250Z", "adm-0003", AT, score, 1,
                List.of("D#ox-3#m-7#spo2", "D#ox-3#m-7#heart_rate"));

        assertThat(errors(o)).isEmpty();
        assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("1104051000000101");
        assertThat(o.getValueIntegerType().getValue()).isEqualTo(6);
        assertThat(o.getComponent()).hasSize(7);
        assertThat(o.getDerivedFrom()).extracting(r -> r.getIdentifier().getValue())
                .containsExactly("D#ox-3#m-7#spo2", "D#ox-3#m-7#heart_rate");
    }

    @Test
    void onScale2_theSpo2SubScore_hasNoSnomedCodeThatIsNotConfirmed_andStillConforms() {
        News2Score score = new News2Score(2, Map.of(News2Parameter.SPO2, 2), java.util.Set.of(), News2Response.LOW);

        Observation o = MAPPING.news2("k", "adm-0003", AT, score, 2, List.of());

        assertThat(errors(o)).isEmpty();
        assertThat(o.getComponentFirstRep().getCode().hasCoding()).isFalse();
        assertThat(o.getComponentFirstRep().getCode().getText()).contains("scale 2");
    }

    @Test
    void noName_reachesTheResource() {
        String json = fhir.newJsonParser().encodeResourceToString(
                MAPPING.reading(reading(Metric.SPO2, DeviceKind.PULSE_OXIMETER, 95)));

        assertThat(json).contains("adm-0012").doesNotContain("\"name\"");
    }
}
