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
 * Alerts: the open ones of a ward, one with its timeline, and acknowledging one. Every request is checked again
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

    static final String ACKNOWLEDGE = AuditAction.ACKNOWLEDGE_ALERT.name();
    static final int NOTE_MAX = 500;

    private static final Pattern ALERT_ID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{7}");

    @Inject
    Callers callers;
    @Inject
    AlertRecordStore records;
    @Inject
    AcknowledgementService acknowledgements;
    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "The open alerts of a ward the caller serves")
    @APIResponse(responseCode = "200", description = "the ward's open alerts (not paginated yet)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AlertList.class)))
    public AlertList list(
            @Parameter(description = "the ward", required = true, example = "ICU-3",
                    schema = @Schema(type = SchemaType.STRING, pattern = WardName.REGEX))
            @QueryParam("ward") String ward,
            @Parameter(description = "only open alerts are served yet",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"open"}, defaultValue = "open"))
            @QueryParam("state") String state) {
        Caller caller = callers.current();
        if (!WardName.valid(ward)) {
            throw new ProblemException(400, "ward must be a ward's name: 1-64 letters, digits, space, . _ -");
        }
        if (state != null && !state.equals("open")) {
            throw new ProblemException(400, "state must be open (closed alerts are not served yet)");
        }
        if (!caller.serves(ward)) {
            throw new ProblemException(403, "you do not serve ward " + ward);
        }
        List<AlertView> open = records.open().stream().map(AlertRecordStore.Stored::record)
                .filter(r -> r.open() && ward.equals(r.ward())).map(r -> AlertView.of(r, false)).toList();
        return new AlertList(ward, "open", open);
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
        audit.append(new AuditLog.Entry(now, caller.username(), caller.groups(), ACKNOWLEDGE, after.alertId(),
                after.ward(), AuditJson.acknowledgement(before), AuditJson.acknowledgement(after),
                callers.requestId()));
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
