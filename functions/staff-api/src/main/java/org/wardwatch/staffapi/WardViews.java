package org.wardwatch.staffapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the ward view answers: the caller's wards, and a ward's beds. Times ISO-8601 UTC (offset Z). */
public final class WardViews {

    private WardViews() {
    }

    @Schema(name = "WardList", description = "the wards the caller serves that the tenant knows, by name")
    public record WardList(List<Ward> wards) {
    }

    @Schema(name = "Ward")
    public record Ward(@Schema(examples = "ICU-3") String ward,
                       @Schema(description = "how the ward's vital signs page: each parameter's threshold bands, "
                               + "or the bed's NEWS2", enumeration = {"thresholds", "news2"}) String vitals,
                       @Schema(description = "the ward's open alerts, by severity") AlertCounts openAlerts) {
    }

    @Schema(name = "AlertCounts")
    public record AlertCounts(int critical, int warning,
                              @Schema(description = "every open alert, whatever its severity") int total) {
    }

    @Schema(name = "BedList", description = "a page of a ward's beds, in bed order (2 before 12)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BedList(@Schema(examples = "ICU-3") String ward,
                          @Schema(enumeration = {"thresholds", "news2"}) String vitals, List<Bed> beds,
                          @Schema(description = "the cursor of the next page (pass it as next=); absent on the last")
                          String next) {
    }

    @Schema(name = "Bed", description = "a bed with a device, an admission or an open alert")
    public record Bed(@Schema(examples = "12") String bed,
                      @Schema(description = "the current admission; null when the bed is empty") Admission admission,
                      @Schema(description = "each parameter's latest value at the bed, by metric")
                      List<Parameter> parameters,
                      @Schema(description = "the bed's NEWS2 as last evaluated; null on a ward that does not score "
                              + "NEWS2 and before the bed's first evaluation") News2 news2,
                      @Schema(description = "the open alerts at the bed") List<AlertView> openAlerts,
                      @Schema(description = "the active devices placed at the bed") List<Device> devices) {
    }

    @Schema(name = "Admission", description = "the patient by their opaque reference only")
    public record Admission(@Schema(examples = "adm-0003") String patientRef,
                            @Schema(format = "date-time") String admittedAt,
                            @Schema(description = "the NEWS2 SpO2 scale", enumeration = {"1", "2"}) int spo2Scale) {
    }

    @Schema(name = "Parameter")
    public record Parameter(@Schema(examples = "spo2") String metric, double value,
                            @Schema(description = "UCUM", examples = "%") String unit,
                            @Schema(description = "the device that measured it", examples = "ox-12") String source,
                            @Schema(examples = "pulse_oximeter") String sourceKind,
                            @Schema(format = "date-time", description = "device time") String at) {
    }

    @Schema(name = "News2")
    public record News2(int score,
                        @Schema(enumeration = {"LOW", "LOW_MEDIUM", "MEDIUM", "HIGH"}) String response,
                        @Schema(description = "some parameter had no value: it counts 0") boolean partial,
                        @Schema(description = "the parameters without a value", examples = "[\"consciousness\"]")
                        List<String> missing,
                        @Schema(format = "date-time") String evaluatedAt) {
    }

    @Schema(name = "Device")
    public record Device(@Schema(examples = "ox-12") String thingName,
                         @Schema(examples = "pulse_oximeter") String kind) {
    }
}
