package org.wardwatch.infra.config;

import java.util.List;

/** Alert severities, as the function puts them in the {@code severity} message attribute. */
public enum Severity {
    WARNING,
    CRITICAL;

    /** The severities a contact with this minimum receives: WARNING receives WARNING and CRITICAL. */
    public List<String> andAbove() {
        return this == WARNING ? List.of("WARNING", "CRITICAL") : List.of("CRITICAL");
    }
}
