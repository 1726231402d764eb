package org.wardwatch.localstack.ward;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The patients the simulated ward admits at its start, through the tenant's admission function: one to every bed
 * of ICU-3 that has a device but bed 7, which stays empty (its devices' alerts name no patient). Patient references
 * are opaque, {@code adm-<bed>}; every patient is on SpO2 scale 1, bed 4's deteriorating patient included.
 */
public final class WardAdmissions {

    public static final String WARD = "ICU-3";
    public static final String EMPTY_BED = "7";

    /** One admission request's content. */
    public record Patient(String ward, String bed, String patientRef, int spo2Scale) {

        /** The admission function's request, admitted at {@code time} by the simulator. */
        public String request(String time) {
            return "{\"action\":\"admit\",\"ward\":\"" + ward + "\",\"bed\":\"" + bed + "\",\"patientRef\":\""
                    + patientRef + "\",\"spo2Scale\":" + spo2Scale + ",\"by\":\"ward-simulator\",\"time\":\"" + time
                    + "\"}";
        }
    }

    private WardAdmissions() {
    }

    /** The patients to admit to the beds of {@code devices}, in bed order as the devices come. */
    public static List<Patient> of(List<SimulatedDevice> devices) {
        Set<String> beds = new LinkedHashSet<>();
        for (SimulatedDevice device : devices) {
            if (WARD.equals(device.ward()) && device.bed() != null && !device.bed().equals(EMPTY_BED)) {
                beds.add(device.bed());
            }
        }
        List<Patient> patients = new ArrayList<>();
        for (String bed : beds) {
            patients.add(new Patient(WARD, bed, String.format(Locale.ROOT, "adm-%04d", Integer.parseInt(bed)), 1));
        }
        return patients;
    }
}
