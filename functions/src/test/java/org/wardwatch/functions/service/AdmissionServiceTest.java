package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.aws.AdmissionItems;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AdmissionChange;
import org.wardwatch.functions.core.AdmissionChange.Action;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.service.AdmissionRefusedException.Code;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.reading.Metric;

/** Admit, transfer and discharge on the emulator: one admission per bed, one bed per patient, every change kept. */
class AdmissionServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Map<Metric, List<ThresholdBand>> FEVER = Map.of(Metric.BODY_TEMPERATURE,
            List.of(ThresholdBand.atLeast("38.5", Severity.WARNING)));

    private final MotoAdmissions moto = new MotoAdmissions();
    private final AdmissionService service = moto.service;
    private final String ward = moto.ward;

    private static Code refusal(Runnable call) {
        try {
            call.run();
        } catch (AdmissionRefusedException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void anAdmission_keepsItsScaleWithWhoAndWhen_andItsOverrides() {
        String patient = MotoAdmissions.patient();

        service.admit(ward, "15", patient, 2, "dr-0012", "hypercapnic COPD", FEVER, T0);

        Admission current = service.current(ward, "15").orElseThrow();
        assertThat(current).isEqualTo(new Admission(ward, "15", patient, T0, 2, "dr-0012", T0, FEVER));
        assertThat(AdmissionItems.admission(moto.currentItem("15"))).isEqualTo(current);
        assertThat(moto.currentItem("15").get("overrides").s())
                .isEqualTo("{\"body_temperature\":[{\"min\":38.5,\"severity\":\"WARNING\"}]}");
        assertThat(service.current(ward, "16")).isEmpty();
    }

    @Test
    void admittingToAnOccupiedBed_isRefused_namingTheBedNotThePatient() {
        String first = MotoAdmissions.patient();
        String second = MotoAdmissions.patient();
        service.admit(ward, "15", first, 1, null, null, Map.of(), T0);

        assertThatThrownBy(() -> service.admit(ward, "15", second, 1, null, null, Map.of(), T0.plusSeconds(60)))
                .isInstanceOf(AdmissionRefusedException.class)
                .hasMessageContaining(ward + " bed 15 holds an admission already")
                .hasMessageNotContaining(first).hasMessageNotContaining(second);
        assertThat(service.current(ward, "15").orElseThrow().patientRef()).isEqualTo(first);
    }

    @Test
    void aPatientAdmittedToOneBed_cannotBeAdmittedToAnother() {
        String patient = MotoAdmissions.patient();
        service.admit(ward, "15", patient, 1, null, null, Map.of(), T0);

        assertThat(refusal(() -> service.admit(ward, "16", patient, 1, null, null, Map.of(), T0)))
                .isEqualTo(Code.PATIENT_ALREADY_ADMITTED);
        assertThat(service.current(ward, "16")).as("nothing written for the refused bed").isEmpty();
        assertThat(moto.bedItems("16")).isEmpty();
    }

    @Test
    void badAdmissions_areRefused_eachWithItsCode_andWriteNothing() {
        String patient = MotoAdmissions.patient();

        assertThatThrownBy(() -> service.admit(ward, "15", "Jane Smith", 1, null, null, Map.of(), T0))
                .hasMessage("patientRef must be an opaque reference such as adm-0003, never a name or hospital number");
        assertThat(refusal(() -> service.admit(ward, "15", patient, 2, null, null, Map.of(), T0)))
                .isEqualTo(Code.PRESCRIBER_REQUIRED);
        assertThat(refusal(() -> service.admit(ward, "15", patient, 3, "dr-0012", null, Map.of(), T0)))
                .isEqualTo(Code.INVALID_SPO2_SCALE);
        assertThat(refusal(() -> service.admit(ward, "15", patient, 1, null, "fever", FEVER, T0)))
                .isEqualTo(Code.PRESCRIBER_REQUIRED);
        assertThat(refusal(() -> service.admit(ward, "15", patient, 1, "dr-0012", null, FEVER, T0)))
                .isEqualTo(Code.INVALID_REASON);
        assertThat(refusal(() -> service.admit(ward, "15", patient, 1, "Dr Jane Smith", null, Map.of(), T0)))
                .isEqualTo(Code.INVALID_STAFF_ID);
        assertThat(refusal(() -> service.admit(ward, "15#2", patient, 1, null, null, Map.of(), T0)))
                .isEqualTo(Code.INVALID_BED);
        assertThat(moto.bedItems("15")).isEmpty();
    }

    @Test
    void aTransfer_movesThePatientWithTheirSettings_andResolvesTheOldBedsAlerts() {
        String patient = MotoAdmissions.patient();
        service.admit(ward, "15", patient, 2, "dr-0012", "COPD", FEVER, T0);
        Instant moved = T0.plusSeconds(3600);

        AdmissionService.Outcome outcome = service.transfer(ward, "15", ward, "16", "nurse-0007", moved);

        assertThat(outcome.admission()).isEqualTo(new Admission(ward, "16", patient, moved, 2, "dr-0012", T0, FEVER));
        assertThat(outcome.resolvedAlerts()).containsExactly("alert-of-15");
        assertThat(moto.resolutions).containsExactly(
                new MotoAdmissions.Resolution(ward, "15", patient, AlertTransition.DISCHARGED, moved));
        assertThat(service.current(ward, "15")).isEmpty();
        assertThat(service.current(ward, "16")).contains(outcome.admission());
        assertThat(service.history(ward, "15")).extracting(AdmissionChange::action)
                .containsExactly(Action.ADMITTED, Action.TRANSFERRED_OUT);
        AdmissionChange in = service.history(ward, "16").get(0);
        assertThat(in.action()).isEqualTo(Action.TRANSFERRED_IN);
        assertThat(in.otherWard() + "/" + in.otherBed()).isEqualTo(ward + "/15");
        assertThat(in.by()).isEqualTo("nurse-0007");
        assertThat(in.after()).isEqualTo(new AdmissionChange.Settings(2, FEVER));
        // the patient's pointer moved too: a second admission elsewhere is still refused
        assertThat(refusal(() -> service.admit(ward, "17", patient, 1, null, null, Map.of(), moved)))
                .isEqualTo(Code.PATIENT_ALREADY_ADMITTED);
    }

    @Test
    void aTransferToAnOccupiedBed_orOfAnEmptyBed_orToTheSameBed_isRefused_andChangesNothing() {
        String patient = MotoAdmissions.patient();
        service.admit(ward, "15", patient, 1, null, null, Map.of(), T0);
        service.admit(ward, "16", MotoAdmissions.patient(), 1, null, null, Map.of(), T0);

        assertThatThrownBy(() -> service.transfer(ward, "15", ward, "16", null, T0.plusSeconds(60)))
                .hasMessageStartingWith(ward + " bed 16 holds an admission already");
        assertThat(refusal(() -> service.transfer(ward, "17", ward, "18", null, T0))).isEqualTo(Code.BED_EMPTY);
        assertThat(refusal(() -> service.transfer(ward, "15", ward, "15", null, T0))).isEqualTo(Code.SAME_BED);
        assertThat(service.current(ward, "15").orElseThrow().patientRef()).isEqualTo(patient);
        assertThat(service.history(ward, "15")).hasSize(1);
        assertThat(moto.resolutions).isEmpty();
    }

    @Test
    void aDischarge_emptiesTheBed_resolvesItsAlerts_andThePatientMayBeAdmittedAgain() {
        String patient = MotoAdmissions.patient();
        service.admit(ward, "15", patient, 1, null, null, Map.of(), T0);
        Instant out = T0.plusSeconds(7200);

        AdmissionService.Outcome outcome = service.discharge(ward, "15", "nurse-0007", out);

        assertThat(outcome.admission().patientRef()).isEqualTo(patient);
        assertThat(outcome.resolvedAlerts()).containsExactly("alert-of-15");
        assertThat(moto.resolutions).containsExactly(
                new MotoAdmissions.Resolution(ward, "15", patient, AlertTransition.DISCHARGED, out));
        assertThat(service.current(ward, "15")).isEmpty();
        assertThat(refusal(() -> service.discharge(ward, "15", null, out))).isEqualTo(Code.BED_EMPTY);
        service.admit(ward, "16", patient, 1, null, null, Map.of(), out.plusSeconds(60));
        assertThat(service.history(ward, "15")).extracting(AdmissionChange::action)
                .containsExactly(Action.ADMITTED, Action.DISCHARGED);
    }

    @Test
    void aDischargeWhoseAlertsCannotBeResolved_saysSo_andStandsDischarged() {
        service.admit(ward, "15", MotoAdmissions.patient(), 1, null, null, Map.of(), T0);
        moto.alertsFailure = new IllegalStateException("alert state unavailable");

        assertThatThrownBy(() -> service.discharge(ward, "15", null, T0.plusSeconds(60)))
                .isInstanceOf(AlertsNotResolvedException.class)
                .hasMessageContaining("discharged from " + ward + " bed 15");
        assertThat(service.current(ward, "15")).isEmpty();
    }

    @Test
    void scaleAndOverrideChanges_areAudited_withWhoWhenWhyAndBothValues_andNoExpiry() {
        service.admit(ward, "15", MotoAdmissions.patient(), 1, "dr-0012", null, Map.of(), T0);
        Instant prescribed = T0.plusSeconds(600);

        service.setSpo2Scale(ward, "15", 2, "dr-0031", "type 2 respiratory failure", prescribed);
        service.setOverrides(ward, "15", FEVER, "dr-0031", "febrile neutropenia", prescribed.plusSeconds(60));

        Admission now = service.current(ward, "15").orElseThrow();
        assertThat(now.spo2Scale()).isEqualTo(2);
        assertThat(now.spo2ScaleBy()).isEqualTo("dr-0031");
        assertThat(now.spo2ScaleAt()).isEqualTo(prescribed);
        assertThat(now.overrides()).isEqualTo(FEVER);
        List<AdmissionChange> history = service.history(ward, "15");
        assertThat(history).extracting(AdmissionChange::action)
                .containsExactly(Action.ADMITTED, Action.SPO2_SCALE_CHANGED, Action.OVERRIDES_CHANGED);
        AdmissionChange scale = history.get(1);
        assertThat(scale.by()).isEqualTo("dr-0031");
        assertThat(scale.at()).isEqualTo(prescribed);
        assertThat(scale.reason()).isEqualTo("type 2 respiratory failure");
        assertThat(scale.before().spo2Scale()).isEqualTo(1);
        assertThat(scale.after().spo2Scale()).isEqualTo(2);
        var overridesItem = moto.bedItems("15").stream()
                .filter(i -> "OVERRIDES_CHANGED".equals(i.get("action").s())).findFirst().orElseThrow();
        assertThat(overridesItem.get("previousOverrides").s()).isEqualTo("{}");
        assertThat(overridesItem.get("overrides").s())
                .isEqualTo("{\"body_temperature\":[{\"min\":38.5,\"severity\":\"WARNING\"}]}");
        assertThat(overridesItem.get("reason").s()).isEqualTo("febrile neutropenia");
        assertThat(moto.bedItems("15")).as("kept for the life of the tenant, and out of the readings' indexes")
                .allSatisfy(item -> assertThat(item).doesNotContainKeys("expiresAt", "patientRef", "bedKey"));
    }

    @Test
    void settingsChanges_needWhoAndWhy_andAnAdmittedPatient() {
        service.admit(ward, "15", MotoAdmissions.patient(), 1, null, null, Map.of(), T0);

        assertThat(refusal(() -> service.setSpo2Scale(ward, "15", 2, null, "COPD", T0))).isEqualTo(Code.PRESCRIBER_REQUIRED);
        assertThat(refusal(() -> service.setOverrides(ward, "15", FEVER, "dr-0012", null, T0)))
                .isEqualTo(Code.INVALID_REASON);
        assertThat(refusal(() -> service.setOverrides(ward, "15", FEVER, null, "fever", T0)))
                .isEqualTo(Code.PRESCRIBER_REQUIRED);
        assertThat(refusal(() -> service.setSpo2Scale(ward, "16", 2, "dr-0012", null, T0))).isEqualTo(Code.BED_EMPTY);
        assertThat(service.history(ward, "15")).hasSize(1);
    }
}
