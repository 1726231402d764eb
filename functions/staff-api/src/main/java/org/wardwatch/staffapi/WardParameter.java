package org.wardwatch.staffapi;

import org.wardwatch.model.tenant.WardName;

/** A ward a request names (path or query): the model's ward-name rule, else a 400 that does not repeat the value. */
final class WardParameter {

    private WardParameter() {
    }

    /** {@code ward}, if it is a ward's name; otherwise 400. */
    static String checked(String ward) {
        if (!WardName.valid(ward)) {
            throw new ProblemException(400, "ward must be a ward's name: 1-64 letters, digits, space, . _ -");
        }
        return ward;
    }
}
