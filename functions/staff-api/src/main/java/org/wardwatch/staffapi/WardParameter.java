package org.wardwatch.staffapi;

import java.util.regex.Pattern;
import org.wardwatch.model.tenant.WardName;

/**
 * A ward or bed a request names (path or query): the model's ward-name rule, a bed's name as admissions name beds,
 * else a 400 that does not repeat the value.
 */
final class WardParameter {

    /** A bed's name, as the admission service accepts it: 1-64 characters, no {@code #}, no control characters. */
    static final Pattern BED_NAME = Pattern.compile("[^#\\p{Cntrl}]{1,64}");

    private WardParameter() {
    }

    /** {@code ward}, if it is a ward's name; otherwise 400. */
    static String checked(String ward) {
        if (!WardName.valid(ward)) {
            throw new ProblemException(400, "ward must be a ward's name: 1-64 letters, digits, space, . _ -");
        }
        return ward;
    }

    /** {@code bed}, if it can name a bed; otherwise 400. */
    static String checkedBed(String bed) {
        if (bed == null || bed.isBlank() || !BED_NAME.matcher(bed).matches()) {
            throw new ProblemException(400, "bed must be a bed's name: 1-64 characters, without # or control "
                    + "characters");
        }
        return bed;
    }
}
