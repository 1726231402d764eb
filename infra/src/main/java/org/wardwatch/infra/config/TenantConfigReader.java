package org.wardwatch.infra.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads and validates a tenant configuration. Every problem is reported, each prefixed by the path of the field
 * it concerns ({@code contacts[1].protocol: must be sms or email}), so a bad file fails synth before any
 * resource is defined. Unknown fields are errors: a misspelt optional field would otherwise be silently ignored.
 */
public final class TenantConfigReader {

    /** Defaults, documented in infra/README.md. 400 days is the function's own default (functions/README.md). */
    public static final int DEFAULT_MEMORY_MB = 1024;
    public static final int DEFAULT_READING_RETENTION_DAYS = 400;
    public static final int DEFAULT_LOG_RETENTION_DAYS = 365;
    /** The function's default time zone (functions' WardwatchConfig). */
    public static final String DEFAULT_TIME_ZONE = "UTC";
    /** The function's cold-chain defaults (functions' WardwatchConfig), used only to check the delays' order. */
    static final int DEFAULT_EXCURSION_WARNING_MINUTES = 15;
    static final int DEFAULT_EXCURSION_CRITICAL_MINUTES = 60;

    /** Metrics of the telemetry function (functions' {@code Metric} enum) that threshold bands apply to. */
    static final Set<String> METRICS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "heart_rate", "respiratory_rate", "spo2", "systolic_bp", "diastolic_bp", "body_temperature",
            "glucose")));

    /** The function's other metrics, which it refuses threshold bands for, with its reason. */
    static final Map<String, String> METRICS_WITHOUT_BANDS = Collections.unmodifiableMap(new TreeMap<>(Map.of(
            "storage_temperature", "storage temperatures are watched by the cold chain (storage profiles and "
                    + "excursion delays), not by threshold bands",
            "door_open", "takes no threshold bands")));

    /** The retention periods CloudWatch Logs accepts. */
    static final Set<Integer> LOG_RETENTION_DAYS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
            3653)));

    /**
     * Lambda's limit on all environment variables of a function together is 4 KB. The others (names, table names, the
     * topic ARN, numbers, the time zone, the redrive function's two queue URLs, and the 81 bytes of the JVM's
     * JAVA_TOOL_OPTIONS) take at most about 1,170 bytes with a 32-character tenant id; the two JSON values share the
     * rest.
     */
    static final int MAX_JSON_ENVIRONMENT_BYTES = 2900;

    /** Devices' expected reporting intervals, in seconds. */
    static final int MIN_INTERVAL_SECONDS = 10;
    static final int MAX_INTERVAL_SECONDS = 86400;

    /** Cold-chain temperatures: degC, one decimal, within the function's possible range of storage_temperature. */
    private static final BigDecimal MAX_ABS_TEMPERATURE = BigDecimal.valueOf(100);
    private static final Pattern PROFILE_NAME = Pattern.compile("[a-z0-9_]{1,64}");

    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9-]{3,32}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WARD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
    /** SNS allows 150 filter-policy combinations: 2 severities x 75 wards. */
    private static final int MAX_WARDS = 75;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final List<String> problems = new ArrayList<>();

    private TenantConfigReader() {
    }

    /** Reads the file, or throws {@link TenantConfigException} listing every problem. */
    public static TenantConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new TenantConfigException(file.toString(), List.of("cannot read the file: " + e));
        }
        return parse(text, file.toString());
    }

    /** Parses configuration text; {@code source} names it in error messages. */
    public static TenantConfig parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new TenantConfigException(source, List.of("not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")"));
        }
        TenantConfigReader reader = new TenantConfigReader();
        TenantConfig config = reader.tenant(root);
        if (!reader.problems.isEmpty()) {
            throw new TenantConfigException(source, reader.problems);
        }
        return config;
    }

    private TenantConfig tenant(JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add("(root): must be a JSON object");
            return null;
        }
        allowOnly(root, "", "tenantId", "account", "region", "contacts", "thresholds", "coldChain", "devices",
                "timeZone", "function", "retention", "operations");
        String tenantId = requiredText(root, "", "tenantId");
        if (tenantId != null && !TENANT_ID.matcher(tenantId).matches()) {
            problems.add("tenantId: must be 3-32 characters of a-z, 0-9 and '-'");
        }
        String account = requiredText(root, "", "account");
        if (account != null && !ACCOUNT.matcher(account).matches()) {
            problems.add("account: must be a 12-digit AWS account id (a JSON string)");
        }
        String region = requiredText(root, "", "region");
        if (region != null && !REGION.matcher(region).matches()) {
            problems.add("region: must be an AWS region such as eu-west-1");
        }
        List<Contact> contacts = contacts(root.get("contacts"));
        int problemsBefore = problems.size();
        Map<String, List<ThresholdBand>> thresholds = thresholds(root.get("thresholds"));
        ColdChain coldChain = coldChain(object(root, "", "coldChain"));
        if (problems.size() == problemsBefore) {
            // Only of valid values: the size of bands or profiles that are wrong anyway would mean nothing.
            checkEnvironmentSize(thresholds, coldChain);
        }

        DeviceIntervals deviceIntervals = deviceIntervals(object(root, "", "devices"));
        String timeZone = timeZone(root);

        JsonNode function = object(root, "", "function");
        FunctionRuntime runtime = FunctionRuntime.JVM;
        int memoryMb = DEFAULT_MEMORY_MB;
        Integer reserved = null;
        if (function != null) {
            allowOnly(function, "function.", "runtime", "memoryMb", "reservedConcurrency");
            String text = optionalText(function, "function.", "runtime");
            if ("native".equals(text)) {
                runtime = FunctionRuntime.NATIVE;
            } else if (text != null && !"jvm".equals(text)) {
                problems.add("function.runtime: must be jvm or native");
            }
            memoryMb = optionalInt(function, "function.", "memoryMb", 128, 10240, DEFAULT_MEMORY_MB);
            if (function.has("reservedConcurrency")) {
                reserved = optionalInt(function, "function.", "reservedConcurrency", 1, 1000, 1);
            }
        }

        JsonNode retention = object(root, "", "retention");
        int readingDays = DEFAULT_READING_RETENTION_DAYS;
        int logDays = DEFAULT_LOG_RETENTION_DAYS;
        if (retention != null) {
            allowOnly(retention, "retention.", "readingDays", "logDays");
            readingDays = optionalInt(retention, "retention.", "readingDays", 1, 3653,
                    DEFAULT_READING_RETENTION_DAYS);
            logDays = optionalInt(retention, "retention.", "logDays", 1, 3653, DEFAULT_LOG_RETENTION_DAYS);
            if (!LOG_RETENTION_DAYS.contains(logDays)) {
                problems.add("retention.logDays: must be one of CloudWatch Logs' periods " + LOG_RETENTION_DAYS);
            }
        }

        JsonNode operations = object(root, "", "operations");
        List<String> opsEmails = new ArrayList<>();
        if (operations != null) {
            allowOnly(operations, "operations.", "emails");
            JsonNode emails = operations.get("emails");
            if (emails != null && !emails.isArray()) {
                problems.add("operations.emails: must be a list of email addresses");
            } else if (emails != null) {
                for (int i = 0; i < emails.size(); i++) {
                    String field = "operations.emails[" + i + "]";
                    JsonNode email = emails.get(i);
                    if (!email.isTextual() || !EMAIL.matcher(email.asText()).matches()) {
                        problems.add(field + ": must be an email address");
                    } else if (opsEmails.contains(email.asText())) {
                        problems.add(field + ": duplicate address");
                    } else {
                        opsEmails.add(email.asText());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new TenantConfig(tenantId, account, region, contacts, thresholds, coldChain, deviceIntervals,
                timeZone, runtime, memoryMb, reserved, readingDays, logDays, opsEmails);
    }

    /**
     * The {@code devices} block: each interval a whole number of seconds from 10 to 86400 (a day). The check runs
     * once a minute, so a device is flagged up to a minute after three intervals have passed.
     */
    private DeviceIntervals deviceIntervals(JsonNode node) {
        if (node == null) {
            return DeviceIntervals.DEFAULTS;
        }
        String path = "devices.";
        allowOnly(node, path, "vitalsIntervalSeconds", "storageIntervalSeconds");
        String expectation = "a whole number of seconds from " + MIN_INTERVAL_SECONDS + " to " + MAX_INTERVAL_SECONDS;
        return new DeviceIntervals(
                optionalWholeNumber(node, path, "vitalsIntervalSeconds", MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS,
                        expectation),
                optionalWholeNumber(node, path, "storageIntervalSeconds", MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS,
                        expectation));
    }

    /**
     * The hospital's time zone, checked as the function checks {@code WARDWATCH_TIME_ZONE} when it starts (it
     * converts the text with {@code ZoneId.of}), so a zone that synthesizes does not stop the functions.
     */
    private String timeZone(JsonNode root) {
        String text = optionalText(root, "", "timeZone");
        if (text == null) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            ZoneId.of(text);
            return text;
        } catch (DateTimeException e) {
            problems.add("timeZone: must be a time zone id such as Europe/London or UTC");
            return DEFAULT_TIME_ZONE;
        }
    }

    private List<Contact> contacts(JsonNode node) {
        List<Contact> contacts = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add("contacts: must be a non-empty list (alerts with no subscriber reach no one)");
            return contacts;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "contacts[" + i + "].";
            JsonNode contact = node.get(i);
            if (!contact.isObject()) {
                problems.add("contacts[" + i + "]: must be an object");
                continue;
            }
            allowOnly(contact, path, "protocol", "endpoint", "minimumSeverity", "wards");
            Contact.Protocol protocol = null;
            String protocolText = requiredText(contact, path, "protocol");
            if ("sms".equals(protocolText)) {
                protocol = Contact.Protocol.SMS;
            } else if ("email".equals(protocolText)) {
                protocol = Contact.Protocol.EMAIL;
            } else if (protocolText != null) {
                problems.add(path + "protocol: must be sms or email");
            }
            String endpoint = requiredText(contact, path, "endpoint");
            if (endpoint != null && protocol == Contact.Protocol.SMS && !E164.matcher(endpoint).matches()) {
                problems.add(path + "endpoint: an sms endpoint must be an E.164 phone number such as +15555550100");
            }
            if (endpoint != null && protocol == Contact.Protocol.EMAIL && !EMAIL.matcher(endpoint).matches()) {
                problems.add(path + "endpoint: an email endpoint must be an email address");
            }
            Severity severity = severity(contact, path + "minimumSeverity");
            List<String> wards = wards(contact.get("wards"), path + "wards");
            if (protocol != null && endpoint != null && severity != null && wards != null) {
                if (!seen.add(protocolText + ":" + endpoint)) {
                    problems.add(path + "endpoint: " + endpoint + " is listed twice (one subscription per endpoint)");
                }
                contacts.add(new Contact(protocol, endpoint, severity, wards));
            }
        }
        return contacts;
    }

    private List<String> wards(JsonNode node, String field) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(field + ": must be a non-empty list of ward names (omit it for every ward)");
            return null;
        }
        if (node.size() > MAX_WARDS) {
            problems.add(field + ": at most " + MAX_WARDS + " wards (SNS filter policy limit)");
            return null;
        }
        List<String> wards = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode ward = node.get(i);
            if (!ward.isTextual() || !WARD.matcher(ward.asText()).matches()) {
                problems.add(field + "[" + i + "]: must be a ward name of 1-64 letters, digits, ' ', '.', '_', '-'");
                return null;
            }
            if (wards.contains(ward.asText())) {
                problems.add(field + "[" + i + "]: duplicate ward " + ward.asText());
                return null;
            }
            wards.add(ward.asText());
        }
        return wards;
    }

    private Map<String, List<ThresholdBand>> thresholds(JsonNode node) {
        // Sorted by metric: the map is serialized into the template and must not depend on file order.
        Map<String, List<ThresholdBand>> thresholds = new TreeMap<>();
        if (node == null) {
            return thresholds;
        }
        if (!node.isObject()) {
            problems.add("thresholds: must be an object of metric -> list of bands");
            return thresholds;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String metric = entry.getKey();
            String field = "thresholds." + metric;
            if (METRICS_WITHOUT_BANDS.containsKey(metric)) {
                problems.add(field + ": " + METRICS_WITHOUT_BANDS.get(metric));
                continue;
            }
            if (!METRICS.contains(metric)) {
                problems.add(field + ": unknown metric (metrics with threshold bands: " + String.join(", ", METRICS)
                        + ")");
                continue;
            }
            JsonNode bands = entry.getValue();
            if (!bands.isArray() || bands.isEmpty()) {
                problems.add(field + ": must be a non-empty list of bands");
                continue;
            }
            List<ThresholdBand> list = new ArrayList<>();
            for (int i = 0; i < bands.size(); i++) {
                String path = field + "[" + i + "]";
                JsonNode band = bands.get(i);
                if (!band.isObject()) {
                    problems.add(path + ": must be an object with min and/or max and severity");
                    continue;
                }
                allowOnly(band, path + ".", "min", "max", "severity");
                Double min = optionalNumber(band, path + ".min");
                Double max = optionalNumber(band, path + ".max");
                Severity severity = severity(band, path + ".severity");
                if (!band.has("min") && !band.has("max")) {
                    problems.add(path + ": needs min, max or both");
                } else if (min != null && max != null && min > max) {
                    problems.add(path + ": min " + min + " is greater than max " + max);
                }
                list.add(new ThresholdBand(min, max, severity));
            }
            thresholds.put(metric, List.copyOf(list));
        }
        return thresholds;
    }

    /** The {@code coldChain} block, checked as the function checks its environment (functions' StorageProfiles). */
    private ColdChain coldChain(JsonNode node) {
        if (node == null) {
            return ColdChain.DEFAULTS;
        }
        String path = "coldChain.";
        allowOnly(node, path, "excursionWarningMinutes", "excursionCriticalMinutes", "doorOpenWarningMinutes",
                "retentionDays", "storageProfiles");
        Integer warning = optionalWholeNumber(node, path, "excursionWarningMinutes", 0, Integer.MAX_VALUE,
                "a whole number of minutes, 0 or more");
        Integer critical = optionalWholeNumber(node, path, "excursionCriticalMinutes", 0, Integer.MAX_VALUE,
                "a whole number of minutes, 0 or more");
        Integer door = optionalWholeNumber(node, path, "doorOpenWarningMinutes", 0, Integer.MAX_VALUE,
                "a whole number of minutes, 0 or more");
        Integer retentionDays = optionalWholeNumber(node, path, "retentionDays", 1, 3653,
                "a whole number from 1 to 3653");
        // With the function's default for one left out: the function refuses to start if critical < warning.
        boolean bothValid = (warning != null || !node.has("excursionWarningMinutes"))
                && (critical != null || !node.has("excursionCriticalMinutes"));
        int effectiveWarning = warning != null ? warning : DEFAULT_EXCURSION_WARNING_MINUTES;
        int effectiveCritical = critical != null ? critical : DEFAULT_EXCURSION_CRITICAL_MINUTES;
        if (bothValid && effectiveCritical < effectiveWarning) {
            problems.add(critical != null
                    ? path + "excursionCriticalMinutes: must be at least excursionWarningMinutes (" + effectiveWarning
                            + (warning == null ? ", the default)" : ")")
                    : path + "excursionWarningMinutes: must be at most excursionCriticalMinutes (" + effectiveCritical
                            + ", the default)");
        }
        return new ColdChain(warning, critical, door, retentionDays, storageProfiles(node.get("storageProfiles")));
    }

    private Map<String, StorageProfile> storageProfiles(JsonNode node) {
        Map<String, StorageProfile> profiles = new TreeMap<>();
        if (node == null) {
            return profiles;
        }
        if (!node.isObject()) {
            problems.add("coldChain.storageProfiles: must be an object of profile name -> {min, max, freezeAtOrBelow}");
            return profiles;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = "coldChain.storageProfiles." + entry.getKey();
            if (!PROFILE_NAME.matcher(entry.getKey()).matches()) {
                problems.add(field + ": a profile name must be 1-64 characters of a-z, 0-9 and '_'");
                continue;
            }
            JsonNode profile = entry.getValue();
            if (!profile.isObject()) {
                problems.add(field + ": must be an object with min, max and optionally freezeAtOrBelow");
                continue;
            }
            allowOnly(profile, field + ".", "min", "max", "freezeAtOrBelow");
            BigDecimal min = temperature(profile, field + ".min", true);
            BigDecimal max = temperature(profile, field + ".max", true);
            BigDecimal freeze = temperature(profile, field + ".freezeAtOrBelow", false);
            if (min != null && max != null && min.compareTo(max) > 0) {
                problems.add(field + ": min " + min + " is above max " + max);
            } else if (min != null && freeze != null && freeze.compareTo(min) >= 0) {
                problems.add(field + ".freezeAtOrBelow: must be below min " + min);
            }
            if (min != null && max != null) {
                profiles.put(entry.getKey(), new StorageProfile(min, max, freeze));
            }
        }
        return profiles;
    }

    /** A temperature in degC with at most one decimal, -100 to 100; returned with scale 1 ({@code 2.0}). */
    private BigDecimal temperature(JsonNode parent, String field, boolean required) {
        JsonNode node = parent.get(field.substring(field.lastIndexOf('.') + 1));
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(field + ": is required");
            }
            return null;
        }
        if (!node.isNumber()) {
            problems.add(field + ": must be a number (degC)");
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.stripTrailingZeros().scale() > 1 || value.abs().compareTo(MAX_ABS_TEMPERATURE) > 0) {
            problems.add(field + ": must be degC with at most one decimal, from -100 to 100");
            return null;
        }
        return value.setScale(1);
    }

    /** A whole number from min to max, or null if absent or invalid (then a problem says what it must be). */
    private Integer optionalWholeNumber(JsonNode parent, String path, String name, int min, int max,
                                        String expectation) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            problems.add(path + name + ": must be " + expectation);
            return null;
        }
        return node.asInt();
    }

    /** Lambda refuses a function whose environment exceeds 4 KB; the JSON values are what can grow. */
    private void checkEnvironmentSize(Map<String, List<ThresholdBand>> thresholds, ColdChain coldChain) {
        List<String> fields = new ArrayList<>();
        int bytes = 0;
        if (!thresholds.isEmpty()) {
            fields.add("thresholds");
            bytes += ThresholdsJson.of(thresholds).getBytes(StandardCharsets.UTF_8).length;
        }
        if (!coldChain.storageProfiles().isEmpty()) {
            fields.add("coldChain.storageProfiles");
            bytes += StorageProfilesJson.of(coldChain.storageProfiles()).getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_JSON_ENVIRONMENT_BYTES) {
            problems.add(String.join(" + ", fields) + ": " + bytes + " bytes of JSON in the function's environment, "
                    + "at most " + MAX_JSON_ENVIRONMENT_BYTES + " (Lambda allows 4 KB for all its variables)");
        }
    }

    private Severity severity(JsonNode parent, String field) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        JsonNode node = parent.get(name);
        if (node == null) {
            problems.add(field + ": is required (WARNING or CRITICAL)");
            return null;
        }
        if (node.isTextual() && ("WARNING".equals(node.asText()) || "CRITICAL".equals(node.asText()))) {
            return Severity.valueOf(node.asText());
        }
        problems.add(field + ": must be WARNING or CRITICAL");
        return null;
    }

    private Double optionalNumber(JsonNode parent, String field) {
        JsonNode node = parent.get(field.substring(field.lastIndexOf('.') + 1));
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            problems.add(field + ": must be a number");
            return null;
        }
        return node.asDouble();
    }

    private JsonNode object(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(path + name + ": must be an object");
            return null;
        }
        return node;
    }

    private String requiredText(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            problems.add(path + name + ": is required");
            return null;
        }
        if (!node.isTextual()) {
            problems.add(path + name + ": must be a string");
            return null;
        }
        return node.asText();
    }

    private String optionalText(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(path + name + ": must be a string");
            return null;
        }
        return node.asText();
    }

    private int optionalInt(JsonNode parent, String path, String name, int min, int max, int fallback) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            problems.add(path + name + ": must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return node.asInt();
    }

    private void allowOnly(JsonNode node, String path, String... names) {
        List<String> allowed = List.of(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                problems.add(path + field + ": unknown field (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }
}
