package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.escalation.Tiers;

/**
 * The {@code contacts} block: who receives alerts, by SMS or e-mail, of which severities and wards, and at which
 * tier of a ward's escalation ({@code tier}, 1 to 3, default 1).
 */
final class ContactsSection {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    /** SNS allows 150 filter-policy combinations: 2 severities x 75 wards. */
    private static final int MAX_WARDS = 75;
    static final String TIER_RULE = "1 (the ward's nurses), 2 (the nurse in charge) or 3 (outreach, rapid response or "
            + "the doctor on call)";

    private ContactsSection() {
    }

    static List<Contact> read(JsonNode node, JsonFields fields) {
        List<Contact> contacts = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            fields.add("contacts: must be a non-empty list (alerts with no subscriber reach no one)");
            return contacts;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "contacts[" + i + "].";
            JsonNode contact = node.get(i);
            if (!contact.isObject()) {
                fields.add("contacts[" + i + "]: must be an object");
                continue;
            }
            fields.allowOnly(contact, path, "protocol", "endpoint", "minimumSeverity", "wards", "tier");
            Contact.Protocol protocol = null;
            String protocolText = fields.requiredText(contact, path, "protocol");
            if ("sms".equals(protocolText)) {
                protocol = Contact.Protocol.SMS;
            } else if ("email".equals(protocolText)) {
                protocol = Contact.Protocol.EMAIL;
            } else if (protocolText != null) {
                fields.add(path + "protocol: must be sms or email");
            }
            String endpoint = fields.requiredText(contact, path, "endpoint");
            if (endpoint != null && protocol == Contact.Protocol.SMS && !E164.matcher(endpoint).matches()) {
                fields.add(path + "endpoint: an sms endpoint must be an E.164 phone number such as +15555550100");
            }
            if (endpoint != null && protocol == Contact.Protocol.EMAIL && !EMAIL.matcher(endpoint).matches()) {
                fields.add(path + "endpoint: an email endpoint must be an email address");
            }
            Severity severity = fields.alertSeverity(contact, path, "minimumSeverity");
            List<String> wards = wards(contact.get("wards"), path + "wards", fields);
            Integer tier = fields.optionalWholeNumber(contact, path, "tier", Tiers.FIRST, Tiers.LAST, TIER_RULE);
            if (protocol != null && endpoint != null && severity != null && wards != null) {
                if (!seen.add(protocolText + ":" + endpoint)) {
                    fields.add(path + "endpoint: " + endpoint + " is listed twice (one subscription per endpoint)");
                }
                contacts.add(new Contact(protocol, endpoint, severity, wards,
                        tier == null ? Contact.DEFAULT_TIER : tier));
            }
        }
        return contacts;
    }

    private static List<String> wards(JsonNode node, String field, JsonFields fields) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            fields.add(field + ": must be a non-empty list of ward names (omit it for every ward)");
            return null;
        }
        if (node.size() > MAX_WARDS) {
            fields.add(field + ": at most " + MAX_WARDS + " wards (SNS filter policy limit)");
            return null;
        }
        List<String> wards = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode ward = node.get(i);
            if (!ward.isTextual() || !WardName.valid(ward.asText())) {
                fields.add(field + "[" + i + "]: must be " + WardsSection.WARD_RULE);
                return null;
            }
            if (wards.contains(ward.asText())) {
                fields.add(field + "[" + i + "]: duplicate ward " + ward.asText());
                return null;
            }
            wards.add(ward.asText());
        }
        return wards;
    }
}
