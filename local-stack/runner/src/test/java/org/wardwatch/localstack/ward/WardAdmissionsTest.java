package org.wardwatch.localstack.ward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class WardAdmissionsTest {

    @Test
    void theDefaultWard_admitsAPatientToEveryIcuBedButBed7() {
        List<WardAdmissions.Patient> patients = WardAdmissions.of(SimulatedDevice.ward(SimulatedDevice.DEFAULT_COUNT));

        assertThat(patients).extracting(WardAdmissions.Patient::bed)
                .containsExactly("1", "2", "3", "4", "5", "6", "8", "9", "10", "11", "12");
        assertThat(patients).extracting(WardAdmissions.Patient::ward).containsOnly("ICU-3");
        assertThat(patients).extracting(WardAdmissions.Patient::patientRef).doesNotHaveDuplicates()
                .startsWith("adm-0001").contains("adm-0004").doesNotContain("adm-0007");
        assertThat(patients).filteredOn(p -> p.bed().equals("4")).extracting(WardAdmissions.Patient::spo2Scale)
                .containsExactly(1);
    }

    @Test
    void aWardOfThreeDevices_admitsTheBedsItHas() {
        assertThat(WardAdmissions.of(SimulatedDevice.ward(3))).extracting(WardAdmissions.Patient::bed)
                .containsExactly("1", "2");
    }

    @Test
    void anAdmissionRequest_isTheAdmissionFunctionsAdmitAction() throws Exception {
        String request = new WardAdmissions.Patient("ICU-3", "4", "adm-0004", 1).request("2026-12-01T23:00:00Z");

        assertThat(new ObjectMapper().readTree(request).toString()).isEqualTo("{\"action\":\"admit\",\"ward\":\"ICU-3\","
                + "\"bed\":\"4\",\"patientRef\":\"adm-0004\",\"spo2Scale\":1,\"by\":\"ward-simulator\","
                + "\"time\":\"2026-12-01T23:00:00Z\"}");
    }
}
