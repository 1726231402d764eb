package org.wardwatch.staffapi;

import org.wardwatch.model.tenant.WardName;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.service.AcknowledgementRefusedException;
import org.wardwatch.functions.service.AcknowledgementService;
import org.wardwatch.functions.service.AlertRecordStore;

/**
 * Alerts: a ward's open or closed ones, one with its timeline, and acknowledging one. Every request is checked again
 * here for who asks (401), what they may see or do (403, by ward and role), and what they send (400, 413, 415, 422).
 */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "cognito")
@APIResponse(responseCode = "401", description = "no signed-in caller",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "a malformed parameter or body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "the caller does not serve the ward, or their role may not",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AlertsResource {

    static final int NOTE_MAX = 500;

    private static final Pattern ALERT_ID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{7}");
    /** What an alerts cursor carries: the history key of the last alert of the page before. */
    private static final Pattern HISTORY_KEY = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z#[0-9A-HJKMNP-TV-Z]{7}");

    @Inject
    Callers callers;
    @Inject
    AlertRecordStore records;
    @Inject
    AcknowledgementService acknowledgements;
    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "A ward's alerts, open or closed, newest first",
            description = "The ward's open alerts (every one, or those opened between from and to), or its closed "
                    + "alerts opened between from and to (default: the last 7 days; at most 31 days), of a type and "
                    + "severity if asked, newest first, a page at a time. A closed alert is found from the first time "
                    + "its record was written by this version of wardwatch.")
    @APIResponse(responseCode = "200", description = "a page of the ward's alerts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AlertList.class)))
    public AlertList list(
            @Parameter(description = "the ward", required = true, example = "ICU-3",
                    schema = @Schema(type = SchemaType.STRING, pattern = WardName.REGEX))
            @QueryParam("ward") String ward,
            @Parameter(description = "open (default) or closed",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"open", "closed"},
                            defaultValue = "open"))
            @QueryParam("state") String state,
            @Parameter(description = "only alerts of this type",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"THRESHOLD", "NEWS2", "DEVICE",
                            "COLD_CHAIN", "ENVIRONMENT"}))
            @QueryParam("type") String type,
            @Parameter(description = "only alerts of this severity: an open alert's current one, a closed alert's "
                    + "highest",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"WARNING", "CRITICAL"}))
            @QueryParam("severity") String severity,
            @Parameter(description = "opened at or after (ISO-8601 with offset)", example = "2026-11-20T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "opened before (ISO-8601 with offset)", example = "2026-11-21T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "alerts per page, 1-100", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "the cursor a previous page's next gave", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("next") String next) {
        Caller caller = callers.current();
        WardParameter.checked(ward);
        AlertQuery query = AlertQuery.of(state, type, severity, from, to, Instant.now());
        int pageSize = Paging.limit(limit);
        String before = next == null ? null : Paging.cursor(next, HISTORY_KEY);
        caller.mustServe(ward);
        List<AlertRecordStore.Stored> candidates = query.open()
                ? records.open().stream().filter(s -> ward.equals(s.record().ward())).toList()
                : records.ofWard(ward, query.from(), query.to(), before);
        List<AlertRecord> matching = candidates.stream().map(AlertRecordStore.Stored::record).filter(query::matches)
                .filter(r -> before == null || AlertRecordStore.historyKey(r).compareTo(before) < 0)
                .sorted(Comparator.comparing(AlertRecordStore::historyKey).reversed()).toList();
        List<AlertRecord> page = matching.stream().limit(pageSize).toList();
        String more = matching.size() > page.size()
                ? Paging.encode(AlertRecordStore.historyKey(page.get(page.size() - 1))) : null;
        return new AlertList(ward, query.state(), page.stream().map(r -> AlertView.of(r, false)).toList(), more);
    }

    @GET
    @Path("/{alertId}")
    @Operation(summary = "One alert: its record and timeline")
    @APIResponse(responseCode = "200", description = "the alert",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", description = "no such alert",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertView one(@Parameter(description = "the alert's id", example = "7KQ2M9X",
            schema = @Schema(type = SchemaType.STRING, pattern = "[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{7}"))
                         @PathParam("alertId") String alertId) {
        Caller caller = callers.current();
        AlertRecord r = find(alertId);
        if (!caller.serves(r.ward())) {
            throw new ProblemException(403, "you do not serve the ward of alert " + r.alertId());
        }
        return AlertView.of(r, true);
    }

    @POST
    @Path("/{alertId}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an alert",
            description = "Nurse and above acknowledge any alert of a ward they serve, a pharmacist its COLD_CHAIN "
                    + "alerts, a biomedical engineer its DEVICE alerts. Stops its escalation, tells everyone paged "
                    + "who took it, and appends an audit record.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AcknowledgeBody.class)))
    @APIResponse(responseCode = "200", description = "acknowledged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AcknowledgedView.class)))
    @APIResponse(responseCode = "404", description = "no such alert",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "already acknowledged, or closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "a body over 8 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "a body that is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a note over 500 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AcknowledgedView acknowledge(@Parameter(description = "the alert's id", example = "7KQ2M9X",
            schema = @Schema(type = SchemaType.STRING, pattern = "[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{7}"))
                                        @PathParam("alertId") String alertId, AcknowledgeBody body) {
        Caller caller = callers.current();
        String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
        if (note != null && note.length() > NOTE_MAX) {
            throw new ProblemException(422, "note has at most " + NOTE_MAX + " characters, this one has "
                    + note.length());
        }
        AlertRecord before = find(alertId);
        if (!caller.serves(before.ward())) {
            throw new ProblemException(403, "you do not serve the ward of alert " + before.alertId());
        }
        if (!caller.mayAcknowledge(before.ward(), before.type())) {
            throw new ProblemException(403, "your role may not acknowledge " + before.type() + " alerts");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AcknowledgementService.Acknowledged done;
        try {
            done = acknowledgements.acknowledge(before.alertId(), caller.username(), now, note);
        } catch (AcknowledgementRefusedException e) {
            throw new ProblemException(e.reason() == AcknowledgementRefusedException.Reason.NO_SUCH_ALERT ? 404 : 409,
                    e.getMessage());
        }
        AlertRecord after = done.record();
        audit.append(AuditLog.Entry.of(caller, callers.requestId(), now, AuditAction.ACKNOWLEDGE_ALERT, after.alertId(),
                after.ward(), AuditJson.acknowledgement(before), AuditJson.acknowledgement(after)));
        return new AcknowledgedView(AlertView.of(after, true), done.notified());
    }

    private AlertRecord find(String alertId) {
        String id = alertId == null ? "" : alertId.toUpperCase(Locale.ROOT);
        if (!ALERT_ID.matcher(id).matches()) {
            throw new ProblemException(400, "alertId must be an alert's id: 7 characters such as 7KQ2M9X");
        }
        return records.find(id).map(AlertRecordStore.Stored::record)
                .orElseThrow(() -> new ProblemException(404, "no alert " + id));
    }
}
