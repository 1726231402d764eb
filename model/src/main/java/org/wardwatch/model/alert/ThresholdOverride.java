package org.wardwatch.model.alert;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.wardwatch.model.alert.ThresholdBand.Side;

/**
 * A change to one metric's bands, by a tenant or for one patient: the sides of the normal range its bands lie on
 * are replaced by them, {@code clearSides} are replaced by nothing, the other side is kept
 * ({@link ThresholdTable#withThresholdOverrides}). Removing a side's CRITICAL band takes {@code removesCritical}
 * and a reason ({@link ThresholdTable#refusals}).
 *
 * @param bands           the new bands, none containing the metric's typical value
 * @param clearSides      sides left with no band
 * @param removesCritical whoever wrote it knows it leaves a side without the CRITICAL band it had
 * @param reason          why; required with removesCritical, null or blank otherwise allowed
 */
public record ThresholdOverride(List<ThresholdBand> bands, Set<Side> clearSides, boolean removesCritical,
                                String reason) {

    public ThresholdOverride {
        bands = List.copyOf(bands);
        clearSides = clearSides.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(clearSides));
    }

    /** Bands alone, as the list form of the tenant file writes them. */
    public static ThresholdOverride of(List<ThresholdBand> bands) {
        return new ThresholdOverride(bands, Set.of(), false, null);
    }

    /** Whether the list form says it all (no sides cleared, no removal claimed, no reason). */
    public boolean isBandsOnly() {
        return clearSides.isEmpty() && !removesCritical && (reason == null || reason.isBlank());
    }

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }
}
