package org.wardwatch.functions.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.wardwatch.model.escalation.Tiers;

/**
 * An alert exactly as it will be published: kept in the outbox before it is sent, so a retry sends the same bytes.
 *
 * @param key identifies the outbox entry within the device's partition
 * @param message the SNS {@code MessageStructure=json} document ({@code default}, {@code sms}, {@code email})
 * @param attributes message attributes subscriptions filter on ({@code severity}, {@code type},
 *                   {@code transition}, {@code ward}, and {@link #TIER}); the {@link #ARRAY_ATTRIBUTES} hold the
 *                   JSON text of an array of strings
 */
public record OutgoingAlert(String thingName, String key, String subject, String message,
                            Map<String, String> attributes) {

    /**
     * The attribute naming the tiers a message goes to (functions/README.md, "Acknowledgement and escalation"), an
     * array such as {@code ["1","2"]}: a contact's subscription filters on its own tier.
     */
    public static final String TIER = "tier";

    /** The attributes whose value is an array of strings, published as SNS {@code String.Array}. */
    public static final Set<String> ARRAY_ATTRIBUTES = Set.of(TIER);

    /** The {@link #TIER} value of {@code tiers}, in their order: {@code ["1","2"]}. */
    public static String tierValue(Collection<Integer> tiers) {
        return tiers.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** Tiers {@link Tiers#FIRST} to {@code highest}: who was paged for an alert whose highest tier is that. */
    public static List<Integer> tiersUpTo(int highest) {
        return IntStream.rangeClosed(Tiers.FIRST, Math.max(Tiers.FIRST, highest)).boxed().toList();
    }

    /** This alert with its {@link #TIER} attribute set to {@code tiers} (after the other attributes). */
    public OutgoingAlert withTiers(Collection<Integer> tiers) {
        Map<String, String> next = new LinkedHashMap<>(attributes);
        next.put(TIER, tierValue(tiers));
        return new OutgoingAlert(thingName, key, subject, message, next);
    }
}
