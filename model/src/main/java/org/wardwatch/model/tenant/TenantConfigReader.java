package org.wardwatch.model.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.alert.ThresholdOverride;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.reading.Metric;

/**
 * Reads and validates a whole tenant configuration ({@code infra/tenants/<tenant>.json}), as synth does before any
 * resource is defined. Every problem is reported, each prefixed by the path of the field it concerns. Unknown fields
 * are errors: a misspelt optional field would otherwise be silently ignored. The blocks the function reads at start
 * ({@code thresholds}, {@code alarmDelays}, {@code coldChain}, {@code maxReadingAgeMinutes}, {@code wards},
 * {@code news2}) are read by the same sections {@link FunctionConfigReader} uses, so a file synth accepts the
 * function accepts, and the other way round.
 */
public final class TenantConfigReader {

    /** Defaults, documented in infra/README.md. 400 days is the function's own default (functions/README.md). */
    public static final int DEFAULT_MEMORY_MB = 1024;
    public static final int DEFAULT_READING_RETENTION_DAYS =
            Integer.parseInt(FunctionEnvironment.DEFAULT_READING_RETENTION_DAYS);
    public static final int DEFAULT_LOG_RETENTION_DAYS = 365;
    public static final String DEFAULT_TIME_ZONE = FunctionEnvironment.DEFAULT_TIME_ZONE;
    /** Issue 13: a reading buffered for more than an hour changes no alert. */
    public static final int DEFAULT_MAX_READING_AGE_MINUTES = 60;

    /** The retention periods CloudWatch Logs accepts. */
    static final Set<Integer> LOG_RETENTION_DAYS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
            3653)));

    /** Devices' expected reporting intervals, in seconds. */
    static final int MIN_INTERVAL_SECONDS = 10;
    static final int MAX_INTERVAL_SECONDS = 86400;

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");

    private final JsonFields fields = new JsonFields();

    private TenantConfigReader() {
    }

    /** Reads the file, or throws {@link InvalidConfigurationException} listing every problem. */
    public static TenantConfig read(Path file) {
        return parse(JsonFields.readFile(file), file.toString());
    }

    /** Parses configuration text; {@code source} names it in error messages. */
    public static TenantConfig parse(String text, String source) {
        TenantConfigReader reader = new TenantConfigReader();
        TenantConfig config = reader.tenant(JsonFields.root(text, source));
        reader.fields.throwIfAny(source);
        return config;
    }

    private TenantConfig tenant(JsonNode root) {
        fields.allowOnly(root, "", "tenantId", "account", "region", "contacts", "thresholds", "alarmDelays",
                "maxReadingAgeMinutes", "coldChain", "wards", "news2", "devices", "timeZone", "function", "retention",
                "operations");
        String tenantId = fields.requiredText(root, "", "tenantId");
        if (tenantId != null && !TenantId.isValid(tenantId)) {
            fields.add("tenantId: must be " + TenantId.RULE);
        }
        String account = fields.requiredText(root, "", "account");
        if (account != null && !ACCOUNT.matcher(account).matches()) {
            fields.add("account: must be a 12-digit AWS account id (a JSON string)");
        }
        String region = fields.requiredText(root, "", "region");
        if (region != null && !REGION.matcher(region).matches()) {
            fields.add("region: must be an AWS region such as eu-west-1");
        }
        List<Contact> contacts = ContactsSection.read(root.get("contacts"), fields);
        Map<Metric, ThresholdOverride> thresholds = ThresholdsSection.read(root.get("thresholds"), fields);
        AlarmDelays alarmDelays = AlarmDelaysSection.read(fields.object(root, "", "alarmDelays"),
                ThresholdTable.news2Defaults().withThresholdOverrides(thresholds), fields);
        int maxReadingAgeMinutes = maxReadingAgeMinutes(root, fields);
        ColdChain coldChain = ColdChainSection.read(fields.object(root, "", "coldChain"), fields);
        WardsSection.Wards wards = WardsSection.read(fields.object(root, "", "wards"), fields);
        News2Settings news2 = News2Section.read(fields.object(root, "", "news2"), fields);
        DeviceIntervals deviceIntervals = deviceIntervals(fields.object(root, "", "devices"));
        String timeZone = timeZone(root);
        FunctionBlock function = function(fields.object(root, "", "function"));
        int[] retention = retention(fields.object(root, "", "retention"));
        List<String> opsEmails = opsEmails(fields.object(root, "", "operations"));
        if (!fields.ok()) {
            return null;
        }
        return new TenantConfig(tenantId, account, region, contacts, thresholds, coldChain, deviceIntervals,
                timeZone, function.runtime, function.memoryMb, function.reservedConcurrency, retention[0],
                retention[1], opsEmails, alarmDelays, maxReadingAgeMinutes, wards.vitals(), news2, wards.escalation());
    }

    /** {@code maxReadingAgeMinutes}: a whole number of minutes, at least 1; the default if absent or invalid. */
    static int maxReadingAgeMinutes(JsonNode root, JsonFields fields) {
        Integer minutes = fields.optionalWholeNumber(root, "", "maxReadingAgeMinutes", 1, Integer.MAX_VALUE,
                "a whole number of minutes, at least 1");
        return minutes == null ? DEFAULT_MAX_READING_AGE_MINUTES : minutes;
    }

    private record FunctionBlock(FunctionRuntime runtime, int memoryMb, Integer reservedConcurrency) {
    }

    private FunctionBlock function(JsonNode function) {
        if (function == null) {
            return new FunctionBlock(FunctionRuntime.JVM, DEFAULT_MEMORY_MB, null);
        }
        FunctionRuntime runtime = FunctionRuntime.JVM;
        fields.allowOnly(function, "function.", "runtime", "memoryMb", "reservedConcurrency");
        String text = fields.optionalText(function, "function.", "runtime");
        if ("native".equals(text)) {
            runtime = FunctionRuntime.NATIVE;
        } else if (text != null && !"jvm".equals(text)) {
            fields.add("function.runtime: must be jvm or native");
        }
        int memoryMb = fields.optionalInt(function, "function.", "memoryMb", 128, 10240, DEFAULT_MEMORY_MB);
        Integer reserved = function.has("reservedConcurrency")
                ? fields.optionalInt(function, "function.", "reservedConcurrency", 1, 1000, 1) : null;
        return new FunctionBlock(runtime, memoryMb, reserved);
    }

    /** {readingDays, logDays}. */
    private int[] retention(JsonNode retention) {
        int readingDays = DEFAULT_READING_RETENTION_DAYS;
        int logDays = DEFAULT_LOG_RETENTION_DAYS;
        if (retention != null) {
            fields.allowOnly(retention, "retention.", "readingDays", "logDays");
            readingDays = fields.optionalInt(retention, "retention.", "readingDays", 1, 3653,
                    DEFAULT_READING_RETENTION_DAYS);
            logDays = fields.optionalInt(retention, "retention.", "logDays", 1, 3653, DEFAULT_LOG_RETENTION_DAYS);
            if (!LOG_RETENTION_DAYS.contains(logDays)) {
                fields.add("retention.logDays: must be one of CloudWatch Logs' periods " + LOG_RETENTION_DAYS);
            }
        }
        return new int[] {readingDays, logDays};
    }

    private List<String> opsEmails(JsonNode operations) {
        List<String> opsEmails = new ArrayList<>();
        if (operations == null) {
            return opsEmails;
        }
        fields.allowOnly(operations, "operations.", "emails");
        JsonNode emails = operations.get("emails");
        if (emails != null && !emails.isArray()) {
            fields.add("operations.emails: must be a list of email addresses");
        } else if (emails != null) {
            for (int i = 0; i < emails.size(); i++) {
                String field = "operations.emails[" + i + "]";
                JsonNode email = emails.get(i);
                if (!email.isTextual() || !ContactsSection.EMAIL.matcher(email.asText()).matches()) {
                    fields.add(field + ": must be an email address");
                } else if (opsEmails.contains(email.asText())) {
                    fields.add(field + ": duplicate address");
                } else {
                    opsEmails.add(email.asText());
                }
            }
        }
        return opsEmails;
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
        fields.allowOnly(node, path, "vitalsIntervalSeconds", "storageIntervalSeconds");
        String expectation = "a whole number of seconds from " + MIN_INTERVAL_SECONDS + " to " + MAX_INTERVAL_SECONDS;
        return new DeviceIntervals(
                fields.optionalWholeNumber(node, path, "vitalsIntervalSeconds", MIN_INTERVAL_SECONDS,
                        MAX_INTERVAL_SECONDS, expectation),
                fields.optionalWholeNumber(node, path, "storageIntervalSeconds", MIN_INTERVAL_SECONDS,
                        MAX_INTERVAL_SECONDS, expectation));
    }

    /**
     * The hospital's time zone, checked as the function checks {@code WARDWATCH_TIME_ZONE} when it starts (it
     * converts the text with {@code ZoneId.of}), so a zone that synthesizes does not stop the functions.
     */
    private String timeZone(JsonNode root) {
        String text = fields.optionalText(root, "", "timeZone");
        if (text == null) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            ZoneId.of(text);
            return text;
        } catch (DateTimeException e) {
            fields.add("timeZone: must be a time zone id such as Europe/London or UTC");
            return DEFAULT_TIME_ZONE;
        }
    }
}
