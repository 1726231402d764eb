package org.wardwatch.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Insertion-ordered maps for anything that reaches the template. {@code Map.of} iterates in an order that changes
 * from one JVM to the next, which made two synths of the same config differ.
 */
final class OrderedMaps {

    private OrderedMaps() {
    }

    /** A map of alternating keys and values, in the order given. */
    static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
