package org.wardwatch.model.alert;

import java.util.Arrays;
import java.util.List;

/** How urgent a reading is. Ordered: a later constant is more severe. */
public enum Severity {
    NONE, WARNING, CRITICAL;

    public boolean isAlert() {
        return this != NONE;
    }

    /** The alert severities at or above this one, by name: WARNING gives WARNING and CRITICAL (SNS filters). */
    public List<String> andAbove() {
        return Arrays.stream(values()).filter(s -> s.isAlert() && s.compareTo(this) >= 0).map(Enum::name).toList();
    }
}
