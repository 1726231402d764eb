package org.wardwatch.devicecerts.cli;

import java.io.PrintWriter;

/** A one-line progress bar redrawn in place on stderr, so stdout stays clean for the summary. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private int done;

    ProgressBar(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    void step(String counts) {
        done++;
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        err.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + "  " + counts);
        err.flush();
    }

    void finish() {
        if (done > 0) {
            err.println();
            err.flush();
        }
    }
}
