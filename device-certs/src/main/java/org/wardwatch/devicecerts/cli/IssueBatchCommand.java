package org.wardwatch.devicecerts.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wardwatch.devicecerts.DeviceCertsException;
import org.wardwatch.devicecerts.DeviceCsv;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.TenantFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code certs issue-batch}: many devices from a CSV; resumable, bad rows reported, good rows issued. */
@Command(name = "issue-batch", mixinStandardHelpOptions = true,
        description = {"Issue every device of a CSV (header: thing,kind,ward,bed,storageProfile).",
                "Devices already issued are skipped, so an interrupted run can simply be repeated. Bad rows are "
                        + "reported with their line numbers and do not stop the good ones; the exit code is 1 "
                        + "when there was any."})
final class IssueBatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenant;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The device list.")
    Path csv;

    @Mixin
    IssueCommand.IssueOptions issue;

    @Override
    public Integer call() {
        TenantFiles files = tenant.files();
        List<DeviceCsv.Row> rows = DeviceCsv.read(csv, tenant.tenant);
        TenantCa ca = files.loadCa(passphrase.passphrase());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> bad = new ArrayList<>();
        int issued = 0;
        int skipped = 0;
        ProgressBar progress = new ProgressBar(err, rows.size());
        for (DeviceCsv.Row row : rows) {
            if (!row.valid()) {
                bad.add("line " + row.line() + ": " + row.error());
            } else if (files.isIssued(row.spec().thing())) {
                skipped++;
            } else {
                try {
                    files.saveDevice(issue.identity(ca, row.spec(), null));
                    issued++;
                } catch (DeviceCertsException e) {
                    bad.add("line " + row.line() + ": " + e.getMessage());
                }
            }
            progress.step("issued " + issued + ", skipped " + skipped + ", bad " + bad.size());
        }
        progress.finish();
        bad.forEach(err::println);
        out.println("issued " + issued + ", skipped " + skipped + " (already issued), bad rows " + bad.size()
                + "; devices in " + ShownPath.of(files.dir().resolve("devices")));
        return bad.isEmpty() ? 0 : 1;
    }
}
