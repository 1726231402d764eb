package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Admissions made at the same moment, as two operators (or a retry and its original) would, on the emulator: the
 * conditional transaction lets exactly one win; the others are refused and write nothing.
 */
class AdmissionConcurrencyTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final int CALLERS = 6;

    private final MotoAdmissions moto = new MotoAdmissions();

    /** Runs the calls together (released at once); each result is "ok" or the refusal's code. */
    private static List<String> atOnce(IntFunction<Runnable> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                Runnable admission = call.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        admission.run();
                        return "ok";
                    } catch (AdmissionRefusedException e) {
                        return e.code().name();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void patientsAdmittedToOneBedAtOnce_onlyOneIsAdmitted() throws Exception {
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            patients.add(MotoAdmissions.patient());
        }

        List<String> outcomes = atOnce(i -> () -> moto.service.admit(moto.ward, "15", patients.get(i), 1, null, null,
                Map.of(), T0));

        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("ok")).allMatch(o -> o.equals("BED_OCCUPIED")
                || o.equals("CONCURRENT_CHANGE"));
        String admitted = moto.service.current(moto.ward, "15").orElseThrow().patientRef();
        assertThat(patients.get(outcomes.indexOf("ok"))).isEqualTo(admitted);
        assertThat(moto.service.history(moto.ward, "15")).as("one history entry, the winner's").hasSize(1);
    }

    @Test
    void onePatientAdmittedToSeveralBedsAtOnce_isAdmittedToOne() throws Exception {
        String patient = MotoAdmissions.patient();

        List<String> outcomes = atOnce(i -> () -> moto.service.admit(moto.ward, "bed-" + i, patient, 1, null, null,
                Map.of(), T0));

        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("ok")).allMatch(o -> o.equals("PATIENT_ALREADY_ADMITTED")
                || o.equals("CONCURRENT_CHANGE"));
        for (int i = 0; i < CALLERS; i++) {
            assertThat(moto.service.current(moto.ward, "bed-" + i).isPresent()).isEqualTo(outcomes.get(i).equals("ok"));
        }
    }
}
