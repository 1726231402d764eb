package org.wardwatch.staffapi;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is asking: the signed-in user as the API's JWT authorizer passed them on, from the ID token's claims in the
 * payload 2.0 event ({@code requestContext.authorizer.jwt.claims}).
 *
 * @param username {@code cognito:username}, the name audit records and acknowledgements carry
 * @param roles    the known groups of {@code cognito:groups} (unknown group names are ignored)
 * @param wards    the wards of {@code custom:wards} (comma-separated); there is no "every ward"
 */
record Caller(String username, Set<StaffRole> roles, Set<String> wards) {

    // The claim names (to be replaced by the model's StaffClaims at integration).
    static final String USERNAME = "cognito:username";
    static final String GROUPS = "cognito:groups";
    static final String WARDS = "custom:wards";
    static final String TOKEN_USE = "token_use";

    private static final Pattern USERNAME_FORM = Pattern.compile("[A-Za-z0-9._@:+-]{1,128}");

    Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        wards = Set.copyOf(wards);
    }

    /**
     * The caller the claims name, or empty when they name nobody (no claims, not an ID token's, no or a malformed
     * username).
     * API Gateway passes a list claim as one string: {@code "[nurse nurse_in_charge]"}; a comma-separated or JSON
     * list form is read too.
     */
    static Optional<Caller> fromClaims(Map<String, String> claims) {
        if (claims == null) {
            return Optional.empty();
        }
        if (!"id".equals(claims.get(TOKEN_USE))) {
            return Optional.empty();
        }
        String username = claims.get(USERNAME);
        if (username == null || !USERNAME_FORM.matcher(username).matches()) {
            return Optional.empty();
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String group : list(claims.get(GROUPS))) {
            StaffRole.ofGroup(group).ifPresent(roles::add);
        }
        Set<String> wards = new LinkedHashSet<>(list(claims.get(WARDS)));
        wards.remove("*");
        return Optional.of(new Caller(username, roles, wards));
    }

    private static Set<String> list(String claim) {
        if (claim == null) {
            return Set.of();
        }
        String inner = claim.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(inner.split("[,\\s]+")).map(s -> s.replace("\"", "").strip()).filter(s -> !s.isEmpty())
                .forEach(items::add);
        return items;
    }

    /** Whether the caller serves {@code ward} (a ward's staff read it, whatever their role). */
    boolean serves(String ward) {
        return ward != null && !roles.isEmpty() && wards.contains(ward);
    }

    /**
     * Whether the caller may acknowledge an alert of {@code type} on {@code ward}: nurse and above on that ward any
     * alert, a pharmacist a storage (COLD_CHAIN) alert, a biomedical engineer a DEVICE alert, each on a ward they
     * serve. An admin acknowledges nothing.
     */
    boolean mayAcknowledge(String ward, String type) {
        if (!serves(ward)) {
            return false;
        }
        return roles.stream().anyMatch(r -> r.clinical()
                || (r == StaffRole.PHARMACIST && "COLD_CHAIN".equals(type))
                || (r == StaffRole.BIOMED && "DEVICE".equals(type)));
    }

    /** The roles' group names, for the audit record. */
    String groups() {
        return String.join(",", roles.stream().map(StaffRole::group).sorted().toList());
    }
}
