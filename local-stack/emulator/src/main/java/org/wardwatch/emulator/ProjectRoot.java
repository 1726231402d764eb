package org.wardwatch.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the wardwatch checkout: the {@code wardwatchRoot} system property, else the nearest parent with local-stack/. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        String configured = System.getProperty("wardwatchRoot", System.getenv("WARDWATCH_ROOT"));
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (isRoot(root)) {
                return root;
            }
            throw new EmulatorException("wardwatchRoot=" + configured + " is not a wardwatch checkout "
                    + "(no local-stack/requirements.txt there)");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new EmulatorException("cannot find the wardwatch checkout from " + Path.of("").toAbsolutePath()
                + ": set -DwardwatchRoot or WARDWATCH_ROOT");
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("local-stack").resolve("requirements.txt"))
                && Files.isRegularFile(dir.resolve("pom.xml"));
    }
}
