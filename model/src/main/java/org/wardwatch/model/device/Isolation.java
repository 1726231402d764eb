package org.wardwatch.model.device;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A room's pressure isolation, as registered (docs/clinical-defaults.md, "Room environment"): an airborne-infection
 * isolation room is held under {@link #NEGATIVE} pressure against its corridor, a protective environment under
 * {@link #POSITIVE}; an ordinary room has {@link #NONE} and raises no pressure alert.
 */
public enum Isolation {
    NONE,
    NEGATIVE,
    POSITIVE;

    /** The registry's value, {@code negative} or {@code positive}; null for {@link #NONE}. */
    public String code() {
        return this == NONE ? null : name().toLowerCase(Locale.ROOT);
    }

    public boolean isolated() {
        return this != NONE;
    }

    /** Null or empty is {@link #NONE}; any other value than the two codes is empty. */
    public static Optional<Isolation> fromCode(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of(NONE);
        }
        return Arrays.stream(values()).filter(i -> i.isolated() && i.code().equals(code)).findFirst();
    }

    /** The codes a registry or a file may give, for messages. */
    public static List<String> codes() {
        return List.of("negative", "positive");
    }
}
