package org.wardwatch.model.news2;

/**
 * The National Early Warning Score 2 (Royal College of Physicians, 2017), as tabled in docs/clinical-defaults.md
 * ("Vital signs: NEWS2"). Pure: no state, no clock.
 */
public final class News2 {

    private News2() {
    }

    /** The score of what is present; a missing parameter counts 0 and is named in {@link News2Score#missing()}. */
    public static News2Score score(News2Inputs inputs) {
        throw new UnsupportedOperationException("contract: implemented in issue 14");
    }
}
