package org.wardwatch.model.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wardwatch.model.tenant.TenantNames;

class StaffClaimsTest {

    @Test
    void theClaimNames_areCognitos() {
        assertThat(StaffClaims.GROUPS).isEqualTo("cognito:groups");
        assertThat(StaffClaims.USERNAME).isEqualTo("cognito:username");
        assertThat(StaffClaims.WARDS).isEqualTo("custom:wards");
        assertThat(StaffClaims.WARDS_ATTRIBUTE).isEqualTo("wards");
        assertThat(StaffClaims.TOKEN_USE).isEqualTo("token_use");
        assertThat(StaffClaims.ID_TOKEN).isEqualTo("id");
    }

    @Test
    void theWardsAttribute_isWardNamesSeparatedByCommas_inItsOrder_withoutRepeats() {
        assertThat(StaffClaims.wards("ICU-3,W5")).containsExactly("ICU-3", "W5");
        assertThat(StaffClaims.wards("W5, ICU-3 ,W5")).containsExactly("W5", "ICU-3");
        assertThat(StaffClaims.wards("Ward 7.B_east")).containsExactly("Ward 7.B_east");
    }

    @Test
    void noWardsAttribute_meansNoWards() {
        assertThat(StaffClaims.wards(null)).isEmpty();
        assertThat(StaffClaims.wards(" ")).isEmpty();
    }

    @Test
    void aStar_isNotEveryWard_butRefused() {
        assertThatThrownBy(() -> StaffClaims.wards("*")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("custom:wards: '*' is not a ward name (1-64 letters, digits, ' ', '.', '_', '-', "
                        + "starting with a letter or digit; no '*')");
        assertThatThrownBy(() -> StaffClaims.wards("ICU-3,*")).hasMessageContaining("'*'");
    }

    @Test
    void anEmptyEntry_orABadName_orAnOverlongValue_isRefused() {
        assertThatThrownBy(() -> StaffClaims.wards("ICU-3,,W5")).hasMessageContaining("'' is not a ward name");
        assertThatThrownBy(() -> StaffClaims.wards("W/5")).hasMessageContaining("'W/5' is not a ward name");
        assertThatThrownBy(() -> StaffClaims.wards("W".repeat(65))).hasMessageContaining("is not a ward name");
        assertThatThrownBy(() -> StaffClaims.wards("W5,".repeat(683))).hasMessage(
                "custom:wards: longer than 2048 characters");
    }

    @Test
    void thePoolTheClientAndTheAuditTable_areNamedAfterTheTenant() {
        TenantNames names = new TenantNames("st-aurelia");

        assertThat(names.staffUserPool()).isEqualTo("wardwatch-st-aurelia-staff");
        assertThat(names.dashboardClient()).isEqualTo("dashboard");
        assertThat(names.auditTable()).isEqualTo("wardwatch-st-aurelia-audit");
    }
}
