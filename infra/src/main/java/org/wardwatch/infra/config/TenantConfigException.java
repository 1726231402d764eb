package org.wardwatch.infra.config;

import java.util.List;

/** A tenant configuration that cannot be deployed; each problem names the field, e.g. {@code contacts[1].protocol}. */
public final class TenantConfigException extends RuntimeException {

    private final List<String> problems;

    public TenantConfigException(String source, List<String> problems) {
        super("invalid tenant configuration " + source + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the field path. */
    public List<String> problems() {
        return problems;
    }
}
