package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The {@code news2} block: {@code {"windowMinutes": 60, "resolveSeconds": 60, "observationMinutes": 720}}, each
 * field optional (default {@link News2Settings#DEFAULTS}), a whole number in its range.
 */
final class News2Section {

    static final int MAX_WINDOW_MINUTES = 1440;
    static final int MAX_RESOLVE_SECONDS = 3600;
    static final int MAX_OBSERVATION_MINUTES = 2880;

    private News2Section() {
    }

    static News2Settings read(JsonNode node, JsonFields fields) {
        if (node == null) {
            return News2Settings.DEFAULTS;
        }
        String path = "news2.";
        fields.allowOnly(node, path, "windowMinutes", "resolveSeconds", "observationMinutes");
        Integer window = fields.optionalWholeNumber(node, path, "windowMinutes", 1, MAX_WINDOW_MINUTES,
                "a whole number of minutes from 1 to " + MAX_WINDOW_MINUTES);
        Integer resolve = fields.optionalWholeNumber(node, path, "resolveSeconds", 0, MAX_RESOLVE_SECONDS,
                "a whole number of seconds from 0 to " + MAX_RESOLVE_SECONDS);
        Integer observation = fields.optionalWholeNumber(node, path, "observationMinutes", 1,
                MAX_OBSERVATION_MINUTES, "a whole number of minutes from 1 to " + MAX_OBSERVATION_MINUTES);
        News2Settings defaults = News2Settings.DEFAULTS;
        return new News2Settings(window == null ? defaults.window() : Duration.ofMinutes(window),
                resolve == null ? defaults.resolve() : Duration.ofSeconds(resolve),
                observation == null ? defaults.observationValid() : Duration.ofMinutes(observation));
    }
}
