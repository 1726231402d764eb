package org.wardwatch.localstack.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.wardwatch.localstack.tenant.StaffPool;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;

/**
 * The demo's staff, created in the emulator's user pool as a hospital's administrator would (admin-create-user,
 * no invitation sent) with a permanent password generated for this run to meet the pool's password policy: one
 * nurse of ICU-3, one nurse of W5, ICU-3's nurse in charge, a clinician of ICU-3 and W5, a pharmacist, a biomedical
 * engineer of every demo ward and an administrator. Each has the wards they serve in {@code custom:wards} and is in
 * the group of their role.
 */
public final class StaffUsers {

    /** The wards of the demo: ICU-3 (the simulated ward), W5 (a second ward) and the pharmacy's storage. */
    public static final List<String> DEMO_WARDS = List.of("ICU-3", "W5", "Pharmacy");
    static final String WARDS_ATTRIBUTE = "custom:wards";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    /** Symbols Cognito counts as such, without quotes or backslashes (the passwords end up in JSON and shells). */
    private static final String SYMBOLS = "!#%*+-=?@^_";

    /** One member of staff; {@code password} is this run's. */
    public record StaffUser(String username, String password, List<String> groups, List<String> wards) {

        /** {@code {"username","password","groups","wards"}}, as connection.json lists staff. */
        public ObjectNode toJson() {
            ObjectNode user = JSON.createObjectNode().put("username", username).put("password", password);
            groups.forEach(user.putArray("groups")::add);
            wards.forEach(user.putArray("wards")::add);
            return user;
        }
    }

    private record Member(String username, String group, List<String> wards) {
    }

    private static final List<Member> DEMO = List.of(
            new Member("nurse-icu3", "nurse", List.of("ICU-3")),
            new Member("nurse-w5", "nurse", List.of("W5")),
            new Member("nurse-in-charge-icu3", "nurse_in_charge", List.of("ICU-3")),
            new Member("clinician-icu3-w5", "clinician", List.of("ICU-3", "W5")),
            new Member("pharmacist", "pharmacist", List.of("Pharmacy")),
            new Member("biomed", "biomed", DEMO_WARDS),
            new Member("admin", "admin", List.of("ICU-3")));

    private final List<StaffUser> users;

    private StaffUsers(List<StaffUser> users) {
        this.users = users;
    }

    /** Creates the demo's staff in {@code pool}, each with a fresh password meeting the pool's policy. */
    public static StaffUsers createDemo(CognitoIdentityProviderClient cognito, StaffPool pool, SecureRandom random) {
        PasswordPolicyType policy = cognito.describeUserPool(b -> b.userPoolId(pool.userPoolId())).userPool()
                .policies().passwordPolicy();
        List<StaffUser> created = new ArrayList<>();
        for (Member m : DEMO) {
            String password = password(policy, random);
            cognito.adminCreateUser(b -> b.userPoolId(pool.userPoolId()).username(m.username())
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(a -> a.name(WARDS_ATTRIBUTE).value(String.join(",", m.wards()))));
            cognito.adminSetUserPassword(b -> b.userPoolId(pool.userPoolId()).username(m.username())
                    .password(password).permanent(true));
            cognito.adminAddUserToGroup(b -> b.userPoolId(pool.userPoolId()).username(m.username())
                    .groupName(m.group()));
            created.add(new StaffUser(m.username(), password, List.of(m.group()), m.wards()));
        }
        return new StaffUsers(List.copyOf(created));
    }

    public List<StaffUser> all() {
        return users;
    }

    public StaffUser named(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo staff user " + username));
    }

    /** Every user as {@code {"username","password","groups","wards"}}, for connection.json's {@code staff}. */
    public ArrayNode toJson() {
        ArrayNode list = JSON.createArrayNode();
        users.forEach(u -> list.add(u.toJson()));
        return list;
    }

    /**
     * A password of at least 20 characters (more if the policy asks) with a lower-case letter, an upper-case letter,
     * a digit and a symbol, whatever the policy requires.
     */
    static String password(PasswordPolicyType policy, SecureRandom random) {
        int length = Math.max(20, policy == null || policy.minimumLength() == null ? 0 : policy.minimumLength());
        List<Character> chars = new ArrayList<>();
        for (String set : List.of(LOWER, UPPER, DIGITS, SYMBOLS)) {
            chars.add(set.charAt(random.nextInt(set.length())));
        }
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        while (chars.size() < length) {
            chars.add(all.charAt(random.nextInt(all.length())));
        }
        Collections.shuffle(chars, random);
        StringBuilder password = new StringBuilder();
        chars.forEach(password::append);
        return password.toString();
    }
}
