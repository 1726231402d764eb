package org.wardwatch.model.news2;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ACVPU scale of NEWS2 (docs/clinical-defaults.md, "Vital signs: NEWS2"): Alert scores 0; new Confusion, Voice,
 * Pain and Unresponsive score 3. A nurse's observation, entered by its letter.
 */
public enum Consciousness {
    ALERT("A"), NEW_CONFUSION("C"), VOICE("V"), PAIN("P"), UNRESPONSIVE("U");

    private final String code;

    Consciousness(String code) {
        this.code = code;
    }

    /** The letter staff enter and read: A, C, V, P or U. */
    public String code() {
        return code;
    }

    public static Optional<Consciousness> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
