package org.wardwatch.devicecerts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShownPathTest {

    private static final Path HERE = Path.of("").toAbsolutePath();

    @Test
    void aFileBelowTheWorkingDirectory_isShownRelativeToIt() {
        Path file = HERE.resolve("device-certs/out/st-marys/ca/ca-certificate.pem.crt");

        assertThat(ShownPath.of(file)).isEqualTo(Path.of("device-certs/out/st-marys/ca/ca-certificate.pem.crt").toString());
    }

    @Test
    void aRelativePath_isShownAsGiven_normalized() {
        assertThat(ShownPath.of(Path.of("out/./st-marys"))).isEqualTo(Path.of("out/st-marys").toString());
    }

    @Test
    void aFileElsewhere_isShownAbsolute() {
        Path elsewhere = HERE.getRoot().resolve("elsewhere-" + System.nanoTime()).resolve("ca.pem.crt");

        assertThat(ShownPath.of(elsewhere)).isEqualTo(elsewhere.toString());
    }

    @Test
    void theWorkingDirectoryItself_isShownAbsolute() {
        assertThat(ShownPath.of(HERE)).isEqualTo(HERE.normalize().toString());
    }
}
