package org.wardwatch.devicecerts;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.wardwatch.devicecerts.cli.CertsCommand;

/** One run of the {@code certs} command line in this JVM, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun certs(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CertsCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The error lines, without the progress bar's carriage-return redraws. */
    long errorLines() {
        return err.strip().lines().count();
    }
}
