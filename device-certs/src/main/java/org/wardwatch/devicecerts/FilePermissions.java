package org.wardwatch.devicecerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes key files owner-only: read-write while written, then owner-read-only. Directories are owner-only. */
final class FilePermissions {

    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_R = PosixFilePermissions.fromString("r--------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private FilePermissions() {
    }

    static boolean posix(Path anywhere) {
        return anywhere.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory and its missing parents; the ones it creates are owner-only. */
    static Path privateDirectories(Path dir) {
        try {
            Path absolute = dir.toAbsolutePath();
            if (Files.isDirectory(absolute)) {
                return dir;
            }
            Path parent = absolute.getParent();
            if (parent != null) {
                privateDirectories(parent);
            }
            if (posix(absolute)) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_RWX));
            } else {
                Files.createDirectory(absolute);
            }
            return dir;
        } catch (FileAlreadyExistsException raced) {
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Writes a new secret file (it must not exist): created rw for the owner only, left read-only for the owner. */
    static void writeSecret(Path file, String pem) {
        try {
            FileAttribute<?>[] attributes = posix(file)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RW)}
                    : new FileAttribute<?>[0];
            Files.createFile(file, attributes);
            Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            if (posix(file)) {
                Files.setPosixFilePermissions(file, OWNER_R);
            }
        } catch (FileAlreadyExistsException e) {
            throw new DeviceStateException(file + " already exists; not overwriting a key");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes a public file (certificate, metadata), replacing any earlier version. */
    static void writePublic(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
