package org.wardwatch.model.news2;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A NEWS2 score: the total over the parameters present, each present parameter's sub-score, the parameters that
 * were missing (they count 0; the score is then partial) and its response band.
 */
public record News2Score(int total, Map<News2Parameter, Integer> subScores, Set<News2Parameter> missing,
                         News2Response response) {

    public News2Score {
        subScores = subScores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(subScores));
        missing = missing.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(missing));
    }

    /** Some parameter had no value in the window: the score is computed from the rest. */
    public boolean partial() {
        return !missing.isEmpty();
    }
}
