package org.wardwatch.staffapi;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.wardwatch.functions.aws.DynamoDeviceStates;
import org.wardwatch.functions.aws.DynamoExcursionAcknowledgements;
import org.wardwatch.functions.aws.DynamoExcursionLog;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.service.DeviceRegistry;
import org.wardwatch.functions.service.TemperatureLogService;
import org.wardwatch.model.alert.AlertType;
import org.wardwatch.model.device.ThingName;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.staff.StaffRole;
import org.wardwatch.model.tenant.FunctionConfig;
import org.wardwatch.model.tenant.WardName;

/**
 * Storage units (fridges, freezers: the devices table's storage sensors): their temperature, range and excursion
 * under way; a unit's excursions; acknowledging one with the actions taken; its monthly temperature log as CSV.
 * A unit's ward is the devices table's, checked for every request.
 */
@Path("/storage")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "cognito")
@APIResponse(responseCode = "400", description = "a malformed parameter or body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "no signed-in caller",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "the caller does not serve the ward, or their role may not",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StorageResource {

    static final int NOTE_MAX = 500;
    static final String CSV = "text/csv";
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final String THING = "[a-zA-Z0-9:_-]{1,128}";
    private static final String START_EXAMPLE = "2026-11-24T09:00:00Z";

    @Inject
    Callers callers;
    @Inject
    DeviceRegistry registry;
    @Inject
    DynamoDeviceStates states;
    @Inject
    DynamoExcursionLog excursions;
    @Inject
    DynamoExcursionAcknowledgements acknowledgements;
    @Inject
    TemperatureLogService temperatureLogs;
    @Inject
    FunctionConfig tenant;
    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "The storage units of the caller's wards",
            description = "Each active storage sensor of the ward (or of every ward the caller serves): its latest "
                    + "temperature and when, its profile's range, and the excursion under way if any.")
    @APIResponse(responseCode = "200", description = "the units, by ward and thing name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StorageViews.StorageList.class)))
    public StorageViews.StorageList units(
            @Parameter(description = "one ward; absent: every ward the caller serves", example = "Pharmacy",
                    schema = @Schema(type = SchemaType.STRING, pattern = WardName.REGEX))
            @QueryParam("ward") String ward) {
        Caller caller = callers.current();
        if (ward != null) {
            WardParameter.checked(ward);
        }
        if (ward != null) {
            caller.mustServe(ward);
        }
        Set<String> wards = ward != null ? Set.of(ward) : caller.wards();
        List<Device> units = states.registered().stream().map(DynamoDeviceStates.Registered::device)
                .filter(d -> d.active() && d.kind().needsStorageProfile() && wards.contains(d.ward())
                        && caller.serves(d.ward()))
                .sorted(Comparator.comparing(Device::ward).thenComparing(Device::thingName)).toList();
        Map<String, DynamoDeviceStates.State> byThing = states.states(units);
        return new StorageViews.StorageList(units.stream().map(d -> unit(d,
                byThing.getOrDefault(d.thingName(), DynamoDeviceStates.State.NONE))).toList());
    }

    private StorageViews.StorageUnit unit(Device d, DynamoDeviceStates.State state) {
        DynamoDeviceStates.Latest t = state.latest().get(Metric.STORAGE_TEMPERATURE);
        StorageViews.Excursion open = excursions.latest(d.thingName()).filter(e -> e.excursion().isOpen())
                .map(StorageViews.Excursion::of).orElse(null);
        return new StorageViews.StorageUnit(d.thingName(), d.ward(), d.storageProfile(),
                StorageViews.Range.of(tenant.storageProfiles().get(d.storageProfile())),
                t == null ? null : new StorageViews.Temperature(t.value(), AlertView.time(t.deviceTime())), open);
    }

    @GET
    @Path("/{device}/excursions")
    @Operation(summary = "A storage unit's excursions",
            description = "The excursions that started in [from, to), newest first, a page at a time, with their "
                    + "acknowledgement. Without from and to: all of them (kept 3 years).")
    @APIResponse(responseCode = "200", description = "a page of excursions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StorageViews.ExcursionList.class)))
    @APIResponse(responseCode = "404", description = "no such storage unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StorageViews.ExcursionList excursions(
            @Parameter(description = "the unit's thing name", schema = @Schema(type = SchemaType.STRING, pattern = THING))
            @PathParam("device") String device,
            @Parameter(description = "ISO-8601 time with offset: excursions that started at or after it",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 time with offset: excursions that started before it",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "excursions per page, 1-100", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "the cursor a previous page's next gave", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("next") String next) {
        Caller caller = callers.current();
        thing(device);
        Instant since = orElse(Paging.time("from", from), Instant.EPOCH);
        Instant until = orElse(Paging.time("to", to), Instant.parse("9999-12-31T23:59:59Z"));
        if (!since.isBefore(until)) {
            throw new ProblemException(400, "from must be before to");
        }
        int pageSize = Paging.limit(limit);
        Instant before = next == null ? null : Instant.parse(Paging.cursor(next, CURSOR));
        Device unit = unit(device, caller);
        DynamoExcursionLog.Page page = excursions.page(unit.thingName(), since, until, before, pageSize);
        return new StorageViews.ExcursionList(unit.thingName(),
                page.entries().stream().map(StorageViews.Excursion::of).toList(),
                page.nextBefore() == null ? null : Paging.encode(page.nextBefore().toString()));
    }

    private static final Pattern CURSOR = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z");

    @POST
    @Path("/{device}/excursions/{start}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an excursion with the actions taken",
            description = "Nurse and above, or a pharmacist, serving the unit's ward; once per excursion, open or "
                    + "ended. Recorded in the unit's excursion log (the temperature log's acknowledged_by) and in "
                    + "the audit.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StorageViews.AcknowledgeBody.class)))
    @APIResponse(responseCode = "200", description = "acknowledged: the excursion as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StorageViews.Excursion.class)))
    @APIResponse(responseCode = "404", description = "no such storage unit, or no excursion started then",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "already acknowledged (the detail names who and when)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "a body over 8 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "a body that is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "no note, or a note over 500 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StorageViews.Excursion acknowledge(
            @Parameter(description = "the unit's thing name", schema = @Schema(type = SchemaType.STRING, pattern = THING))
            @PathParam("device") String device,
            @Parameter(description = "the excursion's start, ISO-8601 with offset", example = START_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @PathParam("start") String start,
            StorageViews.AcknowledgeBody body) {
        Caller caller = callers.current();
        thing(device);
        Instant at = Paging.time("start", start);
        String note = body == null || body.note() == null ? "" : body.note().strip();
        if (note.isEmpty()) {
            throw new ProblemException(422, "note must say the actions taken");
        }
        if (note.length() > NOTE_MAX) {
            throw new ProblemException(422, "note has at most " + NOTE_MAX + " characters, this one has "
                    + note.length());
        }
        Device unit = unit(device, caller);
        if (!StaffRole.anyMay(caller.roles(), r -> r.mayAcknowledge(AlertType.COLD_CHAIN))) {
            throw new ProblemException(403, "acknowledging an excursion needs nurse, nurse_in_charge, clinician "
                    + "or pharmacist");
        }
        DynamoExcursionLog.Entry before = excursions.find(unit.thingName(), at).orElseThrow(() -> noExcursion(unit, at));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DynamoExcursionAcknowledgements.Acknowledgement done = acknowledgements.acknowledge(unit.thingName(), at,
                caller.username(), now, note);
        switch (done.outcome()) {
            case NO_SUCH_EXCURSION -> throw noExcursion(unit, at);
            case ALREADY_ACKNOWLEDGED -> throw new ProblemException(409, "the excursion of " + unit.thingName()
                    + " started at " + at + " was already acknowledged by " + done.acknowledgedBy()
                    + (done.acknowledgedAt() == null ? "" : " at " + done.acknowledgedAt()));
            default -> { }
        }
        DynamoExcursionLog.Entry after = excursions.find(unit.thingName(), at).orElseThrow(() -> noExcursion(unit, at));
        audit.append(AuditLog.Entry.of(caller, callers.requestId(), now, AuditAction.ACKNOWLEDGE_EXCURSION,
                unit.thingName() + "#" + at, unit.ward(), StorageAudit.excursion(unit.thingName(), before),
                StorageAudit.excursion(unit.thingName(), after)));
        return StorageViews.Excursion.of(after);
    }

    @GET
    @Path("/{device}/temperature-log")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @Operation(summary = "A storage unit's monthly temperature log, as CSV",
            description = "As the functions' temperature log service compiles it (functions/README.md, \"Temperature logs\"): "
                    + "what the log is about, one row per local day, every excursion touching the month. Any role "
                    + "serving the unit's ward; an inactive unit still has its logs.")
    @APIResponse(responseCode = "200", description = "the log (Content-Disposition names <device>-<month>.csv)",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "no such device, or not a storage unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response temperatureLog(
            @Parameter(description = "the unit's thing name", schema = @Schema(type = SchemaType.STRING, pattern = THING))
            @PathParam("device") String device,
            @Parameter(description = "the month, yyyy-MM", required = true, example = "2026-10",
                    schema = @Schema(type = SchemaType.STRING, pattern = "[0-9]{4}-[0-9]{2}"))
            @QueryParam("month") String month,
            @Parameter(description = "the zone whose days the rows are (IANA id); absent: the hospital's",
                    example = "Europe/London", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("timeZone") String timeZone) {
        Caller caller = callers.current();
        thing(device);
        if (month == null || !MONTH.matcher(month).matches() || !validMonth(month)) {
            throw new ProblemException(400, "month must be yyyy-MM, e.g. 2026-11");
        }
        if (timeZone != null && !validZone(timeZone)) {
            throw new ProblemException(400, "timeZone must be a time zone id such as Europe/London");
        }
        Device unit = unit(device, caller);
        String csv = temperatureLogs.monthlyLog(unit.thingName(), month, timeZone).toCsv();
        return Response.ok(csv, CSV + "; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"" + unit.thingName() + "-" + month + ".csv\"").build();
    }

    /** The storage unit {@code device} names, once the caller is known to serve its ward: else 404 or 403. */
    private Device unit(String device, Caller caller) {
        Device d = registry.find(device).filter(x -> tenantId().equals(x.tenantId())
                && x.kind().needsStorageProfile()).orElseThrow(() -> new ProblemException(404,
                "no storage unit " + device));
        if (!caller.serves(d.ward())) {
            throw new ProblemException(403, "you do not serve ward " + d.ward() + " of storage unit " + device);
        }
        return d;
    }

    @Inject
    StaffApiConfig config;

    private String tenantId() {
        return config.tenantId();
    }

    private static ProblemException noExcursion(Device unit, Instant start) {
        return new ProblemException(404, "no excursion of " + unit.thingName() + " started at " + start);
    }

    private static void thing(String device) {
        if (!ThingName.isValid(device)) {
            throw new ProblemException(400, "device must be a thing name: " + ThingName.RULE);
        }
    }

    private static boolean validMonth(String month) {
        try {
            YearMonth.parse(month);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Instant orElse(Instant value, Instant otherwise) {
        return value == null ? otherwise : value;
    }
}
