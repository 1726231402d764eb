package org.wardwatch.staffapi;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.wardwatch.functions.aws.DynamoBedReadings;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.tenant.WardName;

/**
 * A bed's readings: what the devices at the bed measured in a window of at most a day (default the last hour), of
 * one metric if asked, newest first, a page at a time, from the readings table's bed index. A bed's readings are read
 * by its ward's staff, whatever their role (as the ward view): 403 otherwise.
 */
@Path("/beds")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "cognito")
public class ReadingsResource {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    static final Duration MAX_WINDOW = Duration.ofHours(24);
    private static final String METRICS = Arrays.stream(Metric.values()).map(Metric::code)
            .collect(Collectors.joining(", "));

    @Inject
    Callers callers;
    @Inject
    DynamoBedReadings readings;

    @GET
    @Path("/{ward}/{bed}/readings")
    @Operation(summary = "A bed's readings, newest first",
            description = "The readings the devices at the bed took (device time) in [from, to): to defaults to "
                    + "now, from to an hour before to; at most 24 hours. Of one metric if asked. A reading is the "
                    + "bed's if its device was placed at the bed when it was stored. Any role serving the ward.")
    @APIResponse(responseCode = "200", description = "a page of the bed's readings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReadingViews.ReadingList.class)))
    @APIResponse(responseCode = "400", description = "a malformed ward, bed, metric (the detail lists the known "
            + "ones), from, to, limit or next; from not before to; a window over 24 hours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no signed-in caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the caller does not serve the ward",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReadingViews.ReadingList readings(
            @Parameter(description = "the ward", required = true, example = "ICU-3",
                    schema = @Schema(type = SchemaType.STRING, pattern = WardName.REGEX))
            @PathParam("ward") String ward,
            @Parameter(description = "the bed", required = true, example = "12",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64))
            @PathParam("bed") String bed,
            @Parameter(description = "only readings of this metric (its wire name)", example = "spo2",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("metric") String metric,
            @Parameter(description = "taken at or after (ISO-8601 with offset); default an hour before to",
                    example = "2026-11-20T09:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "taken before (ISO-8601 with offset); default now",
                    example = "2026-11-20T10:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "readings per page, 1-100", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "the cursor a previous page's next gave", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("next") String next) {
        Caller caller = callers.current();
        WardParameter.checked(ward);
        WardParameter.checkedBed(bed);
        Metric only = metric == null ? null : Metric.fromCode(metric).orElseThrow(() -> new ProblemException(400,
                "metric must be one of " + METRICS));
        Paging.Window window = Paging.window(from, to, Instant.now().truncatedTo(ChronoUnit.MILLIS), DEFAULT_WINDOW,
                MAX_WINDOW, "24 hours");
        Instant since = window.from();
        Instant until = window.to();
        int pageSize = Paging.limit(limit);
        DynamoBedReadings.Position after = null;
        if (next != null) {
            Instant a = since;
            Instant b = until;
            after = DynamoBedReadings.Position.of(Paging.cursor(next, DynamoBedReadings.Position.FORM))
                    .filter(p -> p.within(a, b))
                    .orElseThrow(() -> new ProblemException(400, "next must be the cursor a previous page gave, "
                            + "with the same from and to"));
        }
        caller.mustServe(ward);
        DynamoBedReadings.Page page = readings.page(ward, bed, since, until, only, after, pageSize);
        return new ReadingViews.ReadingList(ward, bed, AlertView.time(since), AlertView.time(until),
                page.readings().stream().map(ReadingViews.Reading::of).toList(),
                page.next().map(p -> Paging.encode(p.text())).orElse(null));
    }
}
