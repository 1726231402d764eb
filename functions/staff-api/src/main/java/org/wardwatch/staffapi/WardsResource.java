package org.wardwatch.staffapi;

import org.wardwatch.model.tenant.WardName;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The ward view: the wards the caller serves, and a ward's beds (admission, latest values, NEWS2, open alerts,
 * devices). A ward is read by its staff alone, whatever their role: 403 otherwise.
 */
@Path("/wards")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "cognito")
@APIResponse(responseCode = "401", description = "no signed-in caller",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WardsResource {

    /** What a beds cursor carries: the last bed of the page before (as the admissions name beds). */
    private static final Pattern BED_NAME = WardParameter.BED_NAME;

    @Inject
    Callers callers;
    @Inject
    WardBoard board;

    @GET
    @Operation(summary = "The wards the caller serves",
            description = "Each ward of the caller's custom:wards that the tenant knows (named in its configuration, "
                    + "or with an active device or an open alert), with its vitals policy and its open alerts by "
                    + "severity. A ward the tenant does not know is left out.")
    @APIResponse(responseCode = "200", description = "the caller's wards, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WardViews.WardList.class)))
    public WardViews.WardList wards() {
        Caller caller = callers.current();
        WardBoard.Tenant tenant = board.tenant();
        Set<String> known = board.known(tenant);
        List<WardViews.Ward> wards = known.stream().filter(caller::serves).map(w -> new WardViews.Ward(w,
                board.vitalsOf(w).code(), WardBoard.counts(tenant.open().stream()
                        .filter(r -> w.equals(r.ward())).toList()))).toList();
        return new WardViews.WardList(wards);
    }

    @GET
    @Path("/{ward}/beds")
    @Operation(summary = "A ward's beds",
            description = "The beds with an admitted patient, an active device or an open alert, in bed order, a page at a time: per bed "
                    + "its admission (patientRef only), each parameter's latest value with its unit, source and "
                    + "time, the NEWS2 on a ward that scores it, the open alerts at the bed and the devices there.")
    @APIResponse(responseCode = "200", description = "a page of the ward's beds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WardViews.BedList.class)))
    @APIResponse(responseCode = "400", description = "a malformed ward, limit or next",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the caller does not serve the ward",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "the tenant knows no such ward",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WardViews.BedList beds(
            @Parameter(description = "the ward", required = true, example = "ICU-3",
                    schema = @Schema(type = SchemaType.STRING, pattern = WardName.REGEX))
            @PathParam("ward") String ward,
            @Parameter(description = "beds per page, 1-100", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "the cursor a previous page's next gave", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("next") String next) {
        Caller caller = callers.current();
        WardParameter.checked(ward);
        int pageSize = Paging.limit(limit);
        String after = next == null ? null : Paging.cursor(next, BED_NAME);
        caller.mustServe(ward);
        WardBoard.Tenant tenant = board.tenant();
        NavigableSet<String> beds = board.beds(ward, tenant);
        if (beds.isEmpty() && !board.known(tenant).contains(ward)) {
            throw new ProblemException(404, "the tenant knows no ward " + ward);
        }
        NavigableSet<String> rest = after == null ? beds : beds.tailSet(after, false);
        List<String> page = rest.stream().limit(pageSize).toList();
        String more = rest.size() > page.size() ? Paging.encode(page.get(page.size() - 1)) : null;
        return new WardViews.BedList(ward, board.vitalsOf(ward).code(),
                board.views(ward, page, tenant), more);
    }
}
