package org.wardwatch.devicecerts.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wardwatch.devicecerts.CertificateFileException;
import picocli.CommandLine.Option;

/** Where the CA key's passphrase comes from: a file, or the environment; never the command line itself. */
final class PassphraseOptions {

    static final String ENVIRONMENT = "WARDWATCH_CA_PASSPHRASE";

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "File whose first line is the CA key's passphrase (else the environment variable "
                    + ENVIRONMENT + "). 'ca create' encrypts the key when a passphrase is given.")
    Path passphraseFile;

    /** The passphrase, or null when none is configured. */
    char[] passphrase() {
        if (passphraseFile != null) {
            try {
                String first = Files.readAllLines(passphraseFile, StandardCharsets.UTF_8).stream()
                        .findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new CertificateFileException("the passphrase file " + passphraseFile + " is empty");
                }
                return first.toCharArray();
            } catch (IOException e) {
                throw new CertificateFileException("cannot read the passphrase file " + passphraseFile);
            }
        }
        String fromEnvironment = System.getenv(ENVIRONMENT);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment.toCharArray();
    }
}
