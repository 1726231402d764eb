package org.wardwatch.staffapi;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.wardwatch.functions.aws.DynamoDeviceStates;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.PresenceEvent;
import org.wardwatch.functions.service.AlertRecordStore;
import org.wardwatch.model.alert.AlertPlace;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.tenant.WardName;

/**
 * A ward's devices as its staff see them: where each is, its status, battery, connection, when it last reported,
 * whether it is silent, its open alerts. Read by any role serving the ward.
 */
@Path("/devices")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "cognito")
public class DevicesResource {

    /** A page cursor: silent ({@code 0}) or not ({@code 1}), {@code #}, the last thing name of the page. */
    private static final Pattern CURSOR = Pattern.compile("[01]#[a-zA-Z0-9:_-]{1,128}");

    @Inject
    Callers callers;
    @Inject
    DynamoDeviceStates states;
    @Inject
    AlertRecordStore records;

    @GET
    @Operation(summary = "A ward's devices",
            description = "Every device of the devices table placed on the ward, whatever its status: kind, place, "
                    + "status, low battery, IoT connection, last reading's arrival, silence and open alerts; silent "
                    + "ones first, then by thing name, a page at a time.")
    @APIResponse(responseCode = "200", description = "a page of the ward's devices",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeviceViews.DeviceList.class)))
    @APIResponse(responseCode = "400", description = "a missing or malformed ward, a malformed limit or next",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no signed-in caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the caller does not serve the ward",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeviceViews.DeviceList devices(
            @Parameter(description = "the ward", required = true, example = "ICU-3",
                    schema = @Schema(type = SchemaType.STRING, pattern = WardName.REGEX))
            @QueryParam("ward") String ward,
            @Parameter(description = "devices per page, 1-100", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "the cursor a previous page's next gave", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("next") String next) {
        Caller caller = callers.current();
        WardParameter.checked(ward);
        int pageSize = Paging.limit(limit);
        String after = next == null ? null : Paging.cursor(next, CURSOR);
        caller.mustServe(ward);
        List<DynamoDeviceStates.Registered> rows = states.registered().stream()
                .filter(r -> ward.equals(r.device().ward())).toList();
        Map<String, DynamoDeviceStates.State> byThing = states.states(rows.stream()
                .map(DynamoDeviceStates.Registered::device).toList());
        List<AlertRecord> open = records.open().stream().map(AlertRecordStore.Stored::record)
                .filter(r -> r.open() && ward.equals(r.ward())).toList();
        List<DeviceViews.Device> all = rows.stream()
                .map(r -> view(r, byThing.getOrDefault(r.device().thingName(), DynamoDeviceStates.State.NONE), open))
                .sorted(Comparator.comparing(DevicesResource::key)).toList();
        List<DeviceViews.Device> rest = after == null ? all
                : all.stream().filter(d -> key(d).compareTo(after) > 0).toList();
        List<DeviceViews.Device> page = rest.stream().limit(pageSize).toList();
        String more = rest.size() > page.size() ? Paging.encode(key(page.get(page.size() - 1))) : null;
        return new DeviceViews.DeviceList(ward, page, more);
    }

    private static String key(DeviceViews.Device d) {
        return (d.silent() ? "0#" : "1#") + d.thingName();
    }

    private static DeviceViews.Device view(DynamoDeviceStates.Registered row, DynamoDeviceStates.State state,
                                           List<AlertRecord> open) {
        Device d = row.device();
        String place = d.bed() != null ? AlertPlace.bed(d.bed()) : d.room() != null ? AlertPlace.room(d.room()) : null;
        PresenceEvent current = state.presence().current();
        PresenceEvent gone = state.presence().lastDisconnect();
        DeviceViews.Connection connection = current == null ? null : new DeviceViews.Connection(
                state.presence().connected(), current.timestamp().toString(),
                gone == null ? null : gone.timestamp().toString(), gone == null ? null : gone.disconnectReason());
        List<AlertView> alerts = open.stream().filter(r -> d.thingName().equals(r.place()))
                .map(r -> AlertView.of(r, false)).toList();
        return new DeviceViews.Device(d.thingName(), d.kind().code(), place, row.status(),
                state.battery() != Severity.NONE, connection, AlertView.time(state.lastSeen()),
                state.silence() != Severity.NONE, alerts);
    }
}
