package org.wardwatch.devicecerts.cli;

import java.nio.file.Path;

/** How the commands print a file or folder: relative to the working directory when it lies below it. */
final class ShownPath {

    private ShownPath() {
    }

    static String of(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath().normalize();
        return absolute.startsWith(here) && !absolute.equals(here)
                ? here.relativize(absolute).toString()
                : absolute.toString();
    }
}
