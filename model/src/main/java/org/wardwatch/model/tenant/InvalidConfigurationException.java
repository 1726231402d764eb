package org.wardwatch.model.tenant;

import java.util.List;

/**
 * A tenant configuration that cannot be deployed or run: one line per problem, each starting with the JSON path
 * of the field it concerns ({@code thresholds.spo2[1]: overlaps thresholds.spo2[0]}). Synth and the function at
 * start throw it from the same readers, so they refuse the same files with the same lines.
 */
public final class InvalidConfigurationException extends RuntimeException {

    private final List<String> problems;

    public InvalidConfigurationException(String source, List<String> problems) {
        super("invalid tenant configuration " + source + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the field path. */
    public List<String> problems() {
        return problems;
    }
}
