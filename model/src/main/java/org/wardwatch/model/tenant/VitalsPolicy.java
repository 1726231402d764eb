package org.wardwatch.model.tenant;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a ward's vital signs page (tenant configuration {@code wards.<ward>.vitals}): by each parameter's threshold
 * bands, or through the bed's NEWS2 score.
 */
public enum VitalsPolicy {
    /** Each vital sign alerts in its own threshold bands (the default). */
    THRESHOLDS("thresholds"),
    /** The parameters NEWS2 scores page only through the bed's NEWS2 alert; other metrics keep their bands. */
    NEWS2("news2");

    private final String code;

    VitalsPolicy(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<VitalsPolicy> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
