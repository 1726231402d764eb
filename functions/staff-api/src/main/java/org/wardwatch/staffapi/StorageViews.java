package org.wardwatch.staffapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wardwatch.functions.aws.DynamoExcursionLog;
import org.wardwatch.functions.core.ExcursionRecord;
import org.wardwatch.model.coldchain.StorageProfile;

/** What the storage endpoints answer. Times ISO-8601 UTC (offset Z), temperatures in degC. */
public final class StorageViews {

    private StorageViews() {
    }

    @Schema(name = "StorageList", description = "the storage units of the wards asked for, by ward and thing name")
    public record StorageList(List<StorageUnit> units) {
    }

    @Schema(name = "StorageUnit", description = "an active storage_sensor of the devices table: a fridge or freezer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StorageUnit(
            @Schema(examples = "pharmacy-fridge-2") String thingName,
            @Schema(examples = "Pharmacy") String ward,
            @Schema(examples = "vaccine_fridge") String storageProfile,
            @Schema(description = "the profile's allowed range; absent when the tenant has no such profile")
            Range range,
            @Schema(description = "the latest storage temperature; absent before the first") Temperature temperature,
            @Schema(description = "the excursion under way; absent when there is none") Excursion openExcursion) {
    }

    @Schema(name = "StorageRange", description = "inclusive, at one decimal")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Range(@Schema(examples = "2.0") BigDecimal min, @Schema(examples = "8.0") BigDecimal max,
                        @Schema(description = "at or below this the stock freezes (CRITICAL at once); absent when "
                                + "freezing is no hazard") BigDecimal freezeAtOrBelow) {
        static Range of(StorageProfile p) {
            return p == null ? null : new Range(p.min(), p.max(), p.freezeAtOrBelow());
        }
    }

    @Schema(name = "StorageTemperature")
    public record Temperature(@Schema(examples = "5.1") double celsius,
                              @Schema(format = "date-time", description = "the device's time of the reading")
                              String at) {
    }

    @Schema(name = "ExcursionList", description = "a page of a unit's excursions, newest first")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExcursionList(String thingName, List<Excursion> excursions,
                                @Schema(description = "the cursor of the next page; absent on the last") String next) {
    }

    @Schema(name = "Excursion", description = "an excursion as the unit's log keeps it")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Excursion(
            @Schema(format = "date-time", description = "its first out-of-range reading; the id in .../{start}/ack")
            String start,
            @Schema(format = "date-time", description = "its first in-range reading; absent while open") String end,
            @Schema(description = "absent while open") Long durationSeconds,
            Double minCelsius, Double maxCelsius,
            @Schema(enumeration = {"NONE", "WARNING", "CRITICAL"}) String maxSeverity,
            boolean alertSent, String alertId, String acknowledgedBy,
            @Schema(format = "date-time") String acknowledgedAt,
            @Schema(description = "the actions taken, as the acknowledgement's note gave them") String note) {

        static Excursion of(DynamoExcursionLog.Entry e) {
            ExcursionRecord x = e.excursion();
            return new Excursion(x.start().toString(), AlertView.time(x.end()),
                    x.duration().map(java.time.Duration::getSeconds).orElse(null), x.minCelsius(), x.maxCelsius(),
                    x.maxSeverity().name(), x.alertSent(), x.alertId(), x.acknowledgedBy(),
                    AlertView.time(e.acknowledgedAt()), e.actionsTaken());
        }
    }

    @Schema(name = "ExcursionAcknowledgement")
    public record AcknowledgeBody(
            @Schema(description = "the actions taken (required; trimmed)", maxLength = 500, required = true,
                    examples = "stock labelled Do Not Use, manufacturer called") String note) {
    }
}
