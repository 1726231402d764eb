package org.wardwatch.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The virtualenv under {@code local-stack/.venv} that holds moto server, pinned by
 * {@code local-stack/requirements.txt}. Created on first use and reused while the requirements are unchanged
 * (a stamp file keeps their hash). A file lock keeps two builds from installing at once.
 */
public final class MotoInstallation {

    static final String MISSING_PYTHON = "The AWS emulator needs Python 3: install it (Debian/Ubuntu: "
            + "apt-get install python3 python3-venv) or point WARDWATCH_PYTHON at a python3 executable.";

    private final Path localStack;
    private final String python;

    MotoInstallation(Path localStack, String python) {
        this.localStack = localStack;
        this.python = python;
    }

    /** The installation of the project whose root is given; Python from WARDWATCH_PYTHON, else python3. */
    public static MotoInstallation forProject(Path projectRoot) {
        String python = System.getenv().getOrDefault("WARDWATCH_PYTHON", "python3");
        return new MotoInstallation(projectRoot.resolve("local-stack"), python);
    }

    public Path venv() {
        return localStack.resolve(".venv");
    }

    /** Where servers write their logs: {@code local-stack/.run} (gitignored). */
    public Path runDirectory() {
        return localStack.resolve(".run");
    }

    /** Makes sure moto is installed as pinned and returns the {@code moto_server} executable. */
    public Path ensureInstalled() {
        Path requirements = localStack.resolve("requirements.txt");
        if (!Files.isRegularFile(requirements)) {
            throw new EmulatorException("missing " + requirements + ": is this a wardwatch checkout?");
        }
        Path executable = venv().resolve("bin").resolve("moto_server");
        Path stamp = venv().resolve("wardwatch-requirements.sha256");
        try (FileChannel channel = new RandomAccessFile(localStack.resolve(".venv.lock").toFile(), "rw").getChannel();
             FileLock ignored = channel.lock()) {
            String wanted = sha256(Files.readAllBytes(requirements));
            if (Files.isExecutable(executable) && Files.isRegularFile(stamp)
                    && Files.readString(stamp).trim().equals(wanted)) {
                return executable;
            }
            checkPython();
            System.err.println("[wardwatch] installing moto server into " + venv()
                    + " (first run only, about 30 s)");
            run(List.of(python, "-m", "venv", "--clear", venv().toString()),
                    "could not create the virtualenv " + venv()
                            + " (Debian/Ubuntu: apt-get install python3-venv)");
            Path pip = venv().resolve("bin").resolve("pip");
            run(List.of(pip.toString(), "install", "--quiet", "--disable-pip-version-check",
                    "-r", requirements.toString()), "pip could not install " + requirements);
            if (!Files.isExecutable(executable)) {
                throw new EmulatorException("pip finished but " + executable + " is missing");
            }
            Files.writeString(stamp, wanted + "\n");
            return executable;
        } catch (IOException e) {
            throw new EmulatorException("could not prepare " + venv() + ": " + e.getMessage(), e);
        }
    }

    private void checkPython() {
        try {
            Process p = new ProcessBuilder(python, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 9) else 3)")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            int code = p.waitFor();
            if (code == 3) {
                throw new EmulatorException("The AWS emulator needs Python 3.9 or newer; " + python + " is older.");
            }
            if (code != 0) {
                throw new EmulatorException(MISSING_PYTHON);
            }
        } catch (IOException e) {
            throw new EmulatorException(MISSING_PYTHON);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted", e);
        }
    }

    private static void run(List<String> command, String failure) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new EmulatorException(failure + " (exit " + code + "):\n" + tail(output));
            }
        } catch (IOException e) {
            throw new EmulatorException(failure + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted", e);
        }
    }

    private static String tail(String output) {
        String[] lines = output.strip().split("\n");
        int from = Math.max(0, lines.length - 15);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
