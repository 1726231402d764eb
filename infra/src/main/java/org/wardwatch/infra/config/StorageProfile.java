package org.wardwatch.infra.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tenant's own storage profile for the cold chain: the range a fridge or freezer must hold, inclusive, in degC at
 * one decimal, and optionally the temperature at or below which its stock freezes (an alert is then CRITICAL at
 * once). It is added to the function's defaults ({@code vaccine_fridge}, {@code vaccine_freezer},
 * {@code ultra_low_freezer}), or replaces the default of the same name.
 *
 * @param min             lowest temperature in range (scale 1)
 * @param max             highest temperature in range (scale 1)
 * @param freezeAtOrBelow null when freezing is not a hazard of this profile; otherwise below {@code min} (scale 1)
 */
public record StorageProfile(BigDecimal min, BigDecimal max, BigDecimal freezeAtOrBelow) {

    public StorageProfile {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }
}
