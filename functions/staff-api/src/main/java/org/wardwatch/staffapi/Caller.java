package org.wardwatch.staffapi;

import org.wardwatch.model.alert.AlertType;
import org.wardwatch.model.staff.StaffClaims;
import org.wardwatch.model.staff.StaffRole;

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

    // The claim names are the model's (StaffClaims), as the user pool's tokens carry them.
    static final String USERNAME = StaffClaims.USERNAME;
    static final String GROUPS = StaffClaims.GROUPS;
    static final String WARDS = StaffClaims.WARDS;
    static final String TOKEN_USE = StaffClaims.TOKEN_USE;

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
        if (!StaffClaims.ID_TOKEN.equals(claims.get(TOKEN_USE))) {
            return Optional.empty();
        }
        String username = claims.get(USERNAME);
        if (username == null || !USERNAME_FORM.matcher(username).matches()) {
            return Optional.empty();
        }
        Set<StaffRole> roles = StaffRole.ofGroups(list(claims.get(GROUPS)));
        Set<String> wards;
        try {
            wards = new LinkedHashSet<>(StaffClaims.wards(claims.get(WARDS)));
        } catch (IllegalArgumentException e) {
            wards = Set.of(); // a malformed wards attribute serves no ward: every ward-scoped request is refused
        }
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

    /** Refuses (403) a caller who does not serve {@code ward}: the check every ward-scoped endpoint makes. */
    void mustServe(String ward) {
        if (!serves(ward)) {
            throw new ProblemException(403, "you do not serve ward " + ward);
        }
    }

    /**
     * Whether the caller may acknowledge an alert of {@code type} on {@code ward}: a ward they serve, and a role that
     * acknowledges that type ({@link StaffRole#mayAcknowledge}: nurse and above any alert, a pharmacist a storage
     * (COLD_CHAIN) alert, a biomedical engineer a DEVICE alert; an admin nothing).
     */
    boolean mayAcknowledge(String ward, String type) {
        Optional<AlertType> alertType = AlertType.of(type);
        return serves(ward) && alertType.isPresent()
                && StaffRole.anyMay(roles, r -> r.mayAcknowledge(alertType.get()));
    }

    /** The roles' group names, for the audit record. */
    String groups() {
        return String.join(",", roles.stream().map(StaffRole::groupName).sorted().toList());
    }
}
