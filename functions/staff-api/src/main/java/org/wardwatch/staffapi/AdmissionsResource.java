package org.wardwatch.staffapi;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.NurseObservations;
import org.wardwatch.functions.service.AdmissionRefusedException;
import org.wardwatch.functions.service.AdmissionService;
import org.wardwatch.functions.service.AlertsNotResolvedException;
import org.wardwatch.functions.service.ObservationService;
import org.wardwatch.functions.service.TelemetryStore;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.news2.Consciousness;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.staff.StaffRole;
import org.wardwatch.model.tenant.PatientOverrides;
import org.wardwatch.model.tenant.WardName;

/**
 * A bed's admission and nurse observations: admit, transfer in, discharge, change the patient's SpO2 scale or
 * threshold overrides, record consciousness and air or oxygen. Each goes through the service the operator
 * {@code admission} function uses (AdmissionService, ObservationService: the same rules, refusals and bed
 * history), as the caller ({@code cognito:username}, never a body field), and appends one audit record. Who may is
 * the model's ({@link StaffRole}): admit, transfer, discharge {@link StaffRole#mayAdmit}, settings (and scale 2 at
 * admission) {@link StaffRole#maySetSettings}, observations {@link StaffRole#mayRecordObservations}, each on a ward
 * the caller serves (a transfer: both wards).
 */
@Path("/wards/{ward}/beds/{bed}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "cognito")
@APIResponse(responseCode = "400", description = "a malformed ward, bed or body (unknown field, wrong type)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "no signed-in caller",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "the caller does not serve the ward, or their role may not",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdmissionsResource {

    @Inject
    Callers callers;
    @Inject
    AdmissionService admissions;
    @Inject
    ObservationService observations;
    @Inject
    TelemetryStore beds;
    @Inject
    AuditLog audit;

    @POST
    @Path("/admission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admit a patient to the bed, or transfer them into it",
            description = "Nurse in charge or clinician serving the ward (a transfer: serving both wards). "
                    + "{\"patientRef\", \"spo2Scale\"?} admits (scale 2 is a clinician's); {\"transferFrom\": "
                    + "{\"ward\", \"bed\"}} moves the patient from that bed with their settings, resolving the open "
                    + "alerts of the bed left. Audited ADMIT or TRANSFER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdmissionViews.AdmitBody.class)))
    @APIResponse(responseCode = "201", description = "admitted: the admission",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdmissionViews.AdmissionView.class)))
    @APIResponse(responseCode = "200", description = "transferred: the admission in this bed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdmissionViews.AdmissionView.class)))
    @APIResponse(responseCode = "404", description = "transfer: the bed left holds no admission",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the bed is occupied, the patient is in another bed, a "
            + "transfer to the same bed, or a concurrent change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "a body over 8 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "a body that is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "neither or both of patientRef and transferFrom, a patientRef "
            + "that is not opaque, a scale other than 1 or 2",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "transferred, but the open alerts of the bed left could not be "
            + "resolved: they stay open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response admit(@Parameter(description = "the ward", required = true, example = "ICU-3",
                                  schema = @Schema(type = SchemaType.STRING, pattern = WardName.REGEX))
                          @PathParam("ward") String ward,
                          @Parameter(description = "the bed", required = true, example = "12",
                                  schema = @Schema(type = SchemaType.STRING, maxLength = 64))
                          @PathParam("bed") String bed,
                          AdmissionViews.AdmitBody body) {
        Caller caller = allowed(ward, bed, StaffRole::mayAdmit, "admitting, transferring and discharging need "
                + "nurse_in_charge or clinician");
        if (body == null || (body.patientRef() == null) == (body.transferFrom() == null)) {
            throw new ProblemException(422, "the body needs patientRef (admit) or transferFrom (transfer), one "
                    + "of the two");
        }
        Instant now = now();
        if (body.transferFrom() != null) {
            return Response.ok(transfer(caller, ward, bed, body, now)).build();
        }
        int scale = body.spo2Scale() == null ? 1 : body.spo2Scale();
        if (scale == 2 && !StaffRole.anyMay(caller.roles(), StaffRole::maySetSettings)) {
            throw new ProblemException(403, "SpO2 scale 2 is prescribed by a clinician");
        }
        Admission admitted = refusing(() -> admissions.admit(ward, bed, body.patientRef(), scale, caller.username(),
                null, Map.of(), now));
        append(caller, now, AuditAction.ADMIT, ward, bed, AdmissionAudit.NOTHING, AdmissionAudit.admission(admitted));
        return Response.status(201).entity(AdmissionViews.AdmissionView.of(admitted, null)).build();
    }

    private AdmissionViews.AdmissionView transfer(Caller caller, String ward, String bed,
                                                  AdmissionViews.AdmitBody body, Instant now) {
        if (body.spo2Scale() != null) {
            throw new ProblemException(422, "a transfer keeps the patient's settings: spo2Scale is for an "
                    + "admission");
        }
        String fromWard = body.transferFrom().ward();
        String fromBed = body.transferFrom().bed();
        if (!WardName.valid(fromWard) || fromBed == null || fromBed.isBlank()
                || !WardParameter.BED_NAME.matcher(fromBed).matches()) {
            throw new ProblemException(422, "transferFrom needs ward (a ward's name) and bed (1-64 characters, "
                    + "without # or control characters)");
        }
        if (!caller.serves(fromWard)) {
            throw new ProblemException(403, "you do not serve ward " + fromWard + ", which the patient leaves");
        }
        Optional<Admission> before = admissions.current(fromWard, fromBed);
        AdmissionService.Outcome done;
        try {
            done = refusing(() -> admissions.transfer(fromWard, fromBed, ward, bed, caller.username(), now));
        } catch (AlertsNotResolvedException e) {
            append(caller, now, AuditAction.TRANSFER, fromWard, fromBed, AdmissionAudit.admission(before),
                    admissions.current(ward, bed).map(AdmissionAudit::admission).orElse(AdmissionAudit.NOTHING));
            throw new ProblemException(503, e.getMessage());
        }
        append(caller, now, AuditAction.TRANSFER, fromWard, fromBed, AdmissionAudit.admission(before),
                AdmissionAudit.admission(done.admission(), done.resolvedAlerts()));
        return AdmissionViews.AdmissionView.of(done.admission(), done.resolvedAlerts());
    }

    @DELETE
    @Path("/admission")
    @Operation(summary = "Discharge the bed's patient",
            description = "Nurse in charge or clinician serving the ward. Resolves the bed's open alerts. Audited "
                    + "DISCHARGE.")
    @APIResponse(responseCode = "200", description = "discharged: the admission as it ended, the alerts resolved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdmissionViews.AdmissionView.class)))
    @APIResponse(responseCode = "404", description = "the bed holds no admission: nothing to discharge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "a concurrent change to the bed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "discharged, but the bed's open alerts could not be resolved: "
            + "they stay open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AdmissionViews.AdmissionView discharge(
            @Parameter(description = "the ward", required = true, example = "ICU-3",
                    schema = @Schema(type = SchemaType.STRING, pattern = WardName.REGEX))
            @PathParam("ward") String ward,
            @Parameter(description = "the bed", required = true, example = "12",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64))
            @PathParam("bed") String bed) {
        Caller caller = allowed(ward, bed, StaffRole::mayAdmit, "admitting, transferring and discharging need "
                + "nurse_in_charge or clinician");
        Instant now = now();
        Optional<Admission> before = admissions.current(ward, bed);
        AdmissionService.Outcome done;
        try {
            done = refusing(() -> admissions.discharge(ward, bed, caller.username(), now));
        } catch (AlertsNotResolvedException e) {
            append(caller, now, AuditAction.DISCHARGE, ward, bed, AdmissionAudit.admission(before),
                    AdmissionAudit.NOTHING);
            throw new ProblemException(503, e.getMessage());
        }
        append(caller, now, AuditAction.DISCHARGE, ward, bed, AdmissionAudit.admission(done.admission()),
                AdmissionAudit.NOTHING);
        return AdmissionViews.AdmissionView.of(done.admission(), done.resolvedAlerts());
    }

    @PUT
    @Path("/admission/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the patient's SpO2 scale and/or threshold overrides, with a reason",
            description = "Clinician serving the ward. spo2Scale (1 or 2; 2 records the caller as who prescribed it), "
                    + "overrides (the patient's own bands in the tenant configuration's band format; {} removes them), "
                    + "or both, and reason (required). Audited CHANGE_SETTINGS (one record for both changes).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdmissionViews.SettingsBody.class)))
    @APIResponse(responseCode = "200", description = "changed: the admission with its settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdmissionViews.AdmissionView.class)))
    @APIResponse(responseCode = "404", description = "the bed holds no admission",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "a concurrent change to the bed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "a body over 8 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "a body that is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "neither spo2Scale nor overrides, no reason or one over 500 "
            + "characters, a scale other than 1 or 2, overrides that are not valid bands",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AdmissionViews.AdmissionView settings(
            @Parameter(description = "the ward", required = true, example = "ICU-3",
                    schema = @Schema(type = SchemaType.STRING, pattern = WardName.REGEX))
            @PathParam("ward") String ward,
            @Parameter(description = "the bed", required = true, example = "12",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64))
            @PathParam("bed") String bed,
            AdmissionViews.SettingsBody body) {
        Caller caller = allowed(ward, bed, StaffRole::maySetSettings, "a patient's settings are a clinician's");
        boolean hasOverrides = body != null && body.overrides() != null && !body.overrides().isNull();
        if (body == null || (body.spo2Scale() == null && !hasOverrides)) {
            throw new ProblemException(422, "the body needs spo2Scale, overrides or both");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw new ProblemException(422, "reason is required: why the settings change");
        }
        Map<Metric, List<ThresholdBand>> overrides;
        try {
            overrides = hasOverrides ? PatientOverrides.parse(body.overrides()) : null;
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, e.getMessage());
        }
        String reason = body.reason().strip();
        Instant now = now();
        Optional<Admission> before = admissions.current(ward, bed);
        Admission after = refusing(() -> {
            Admission changed = null;
            if (body.spo2Scale() != null) {
                changed = admissions.setSpo2Scale(ward, bed, body.spo2Scale(), caller.username(), reason, now);
            }
            if (overrides != null) {
                changed = admissions.setOverrides(ward, bed, overrides, caller.username(), reason, now);
            }
            return changed;
        });
        append(caller, now, AuditAction.CHANGE_SETTINGS, ward, bed, AdmissionAudit.admission(before),
                AdmissionAudit.admission(after));
        return AdmissionViews.AdmissionView.of(after, null);
    }

    @POST
    @Path("/observations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record nurse observations that NEWS2 scores",
            description = "Nurse, nurse in charge or clinician serving the ward: consciousness (ACVPU), oxygen (true: "
                    + "on supplemental oxygen, false: on air) or both, observed at time (default now). On a ward "
                    + "that scores NEWS2 the bed is scored again and its NEWS2 alert may change. Audited "
                    + "RECORD_OBSERVATIONS.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdmissionViews.ObservationBody.class)))
    @APIResponse(responseCode = "201", description = "recorded: the bed's observations now, and its NEWS2",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdmissionViews.ObservationView.class)))
    @APIResponse(responseCode = "413", description = "a body over 8 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "a body that is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "neither consciousness nor oxygen, a letter not of ACVPU, a "
            + "time in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response observe(
            @Parameter(description = "the ward", required = true, example = "ICU-3",
                    schema = @Schema(type = SchemaType.STRING, pattern = WardName.REGEX))
            @PathParam("ward") String ward,
            @Parameter(description = "the bed", required = true, example = "12",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64))
            @PathParam("bed") String bed,
            AdmissionViews.ObservationBody body) {
        Caller caller = allowed(ward, bed, StaffRole::mayRecordObservations, "recording observations needs nurse, "
                + "nurse_in_charge or clinician");
        if (body == null || (body.consciousness() == null && body.oxygen() == null)) {
            throw new ProblemException(422, "the body needs consciousness (A, C, V, P or U), oxygen (true or "
                    + "false) or both");
        }
        Consciousness consciousness = body.consciousness() == null ? null
                : Consciousness.ofCode(body.consciousness()).orElseThrow(() -> new ProblemException(422,
                        "consciousness must be one of A, C, V, P, U (ACVPU)"));
        Instant now = now();
        Instant time = body.time() == null ? now : Paging.time("time", body.time()).truncatedTo(ChronoUnit.MILLIS);
        if (time.isAfter(now)) {
            throw new ProblemException(422, "time must not be in the future");
        }
        NurseObservations before = beds.lastObservations(ward, bed);
        ObservationService.Outcome done = refusing(() -> observations.observe(ward, bed, consciousness,
                body.oxygen(), caller.username(), time));
        append(caller, now, AuditAction.RECORD_OBSERVATIONS, ward, bed, AdmissionAudit.observations(before),
                AdmissionAudit.observations(done.observations()));
        return Response.status(201).entity(AdmissionViews.ObservationView.of(ward, bed, done)).build();
    }

    /** The caller, once the ward and bed are well-formed and a role of theirs may on a ward they serve: else 400/403. */
    private Caller allowed(String ward, String bed, Predicate<StaffRole> permission, String refusal) {
        Caller caller = callers.current();
        WardParameter.checked(ward);
        WardParameter.checkedBed(bed);
        caller.mustServe(ward);
        if (!StaffRole.anyMay(caller.roles(), permission)) {
            throw new ProblemException(403, refusal);
        }
        return caller;
    }

    private void append(Caller caller, Instant at, AuditAction action, String ward, String bed, String before,
                        String after) {
        audit.append(AuditLog.Entry.of(caller, callers.requestId(), at, action, ward + "#" + bed, ward, before, after));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The service's refusals as problems: their lines name beds and fields, never the patient reference. */
    private static <T> T refusing(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (AdmissionRefusedException e) {
            throw new ProblemException(status(e.code()), e.getMessage());
        }
    }

    static int status(AdmissionRefusedException.Code code) {
        return switch (code) {
            case BED_EMPTY -> 404;
            case BED_OCCUPIED, PATIENT_ALREADY_ADMITTED, SAME_BED, CONCURRENT_CHANGE -> 409;
            case INVALID_BED -> 400;
            // the actor is the caller's username: one the audit cannot record is theirs to fix, not the body's
            case INVALID_STAFF_ID -> 403;
            case INVALID_PATIENT_REF, INVALID_SPO2_SCALE, PRESCRIBER_REQUIRED, INVALID_REASON, INVALID_OVERRIDES,
                 INVALID_OBSERVATION -> 422;
        };
    }
}
