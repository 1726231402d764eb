package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A patient reference is opaque: 3-40 of A-Z a-z 0-9 . _ - with a digit, so a name is never one. */
class AdmissionPatientRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"adm-0003", "A1b", "enc_2026.11.20-7", "0123456789012345678901234567890123456789"})
    void opaqueReferences_withADigit_areAccepted(String ref) {
        assertThat(PatientRef.isOpaque(ref)).as(ref).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane", "jane-smith", "O'Brien", "Jane Smith", "smith, jane", "adm 0003", "a9",
            "01234567890123456789012345678901234567890", "adm#0003", "adm/0003", "", "  1"})
    void namesAndOtherText_areRefused(String ref) {
        assertThat(PatientRef.isOpaque(ref)).as(ref).isFalse();
    }

    @org.junit.jupiter.api.Test
    void noReference_isRefused_andTheRuleSaysWhatOneIs() {
        assertThat(PatientRef.isOpaque(null)).isFalse();
        assertThat(PatientRef.RULE).isEqualTo(
                "patientRef must be an opaque reference such as adm-0003, never a name or hospital number");
    }
}
