package org.wardwatch.devicecerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.wardwatch.model.device.TenantId;

/**
 * A device list for batch issuing: a header line naming the columns ({@code thing,kind,ward,bed,storageProfile},
 * and {@code room,isolation} for room sensors;
 * {@code thing} and {@code kind} required, any order), then one device per line. Blank lines and lines starting
 * with {@code #} are ignored. Values hold no commas or quotes (none of the accepted characters need them).
 */
public final class DeviceCsv {

    /** One data line: either a device or why it is not one. */
    public record Row(int line, DeviceSpec spec, String error) {

        public boolean valid() {
            return spec != null;
        }
    }

    private static final Set<String> COLUMNS = Set.of("thing", "kind", "ward", "bed", "storageprofile", "room", "isolation");

    private DeviceCsv() {
    }

    public static List<Row> read(Path file, TenantId tenant) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CertificateFileException("no such CSV file: " + file);
        } catch (IOException e) {
            throw new CertificateFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int headerIndex = 0;
        while (headerIndex < lines.size() && skip(lines.get(headerIndex))) {
            headerIndex++;
        }
        if (headerIndex == lines.size()) {
            throw new CertificateFileException(file + " has no header line (thing,kind,ward,bed,storageProfile)");
        }
        Map<String, Integer> column = header(file, headerIndex + 1, lines.get(headerIndex));
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = headerIndex + 1; i < lines.size(); i++) {
            if (skip(lines.get(i))) {
                continue;
            }
            int lineNumber = i + 1;
            String[] cells = lines.get(i).split(",", -1);
            try {
                if (cells.length != column.size()) {
                    throw new InvalidDeviceException("expected " + column.size() + " values, found " + cells.length);
                }
                DeviceSpec spec = new DeviceSpec(tenant, DeviceNames.thing(cell(cells, column, "thing")),
                        DeviceNames.kind(cell(cells, column, "kind")), cell(cells, column, "ward"),
                        cell(cells, column, "bed"), profile(cell(cells, column, "storageprofile")),
                        cell(cells, column, "room"), cell(cells, column, "isolation"));
                Integer earlier = seen.putIfAbsent(spec.thing().value(), lineNumber);
                if (earlier != null) {
                    throw new InvalidDeviceException("thing " + spec.thing() + " is already on line " + earlier);
                }
                rows.add(new Row(lineNumber, spec, null));
            } catch (InvalidDeviceException e) {
                rows.add(new Row(lineNumber, null, e.getMessage()));
            }
        }
        return rows;
    }

    private static Map<String, Integer> header(Path file, int lineNumber, String line) {
        Map<String, Integer> column = new HashMap<>();
        String[] names = line.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].trim().toLowerCase(Locale.ROOT).replace("_", "");
            if (!COLUMNS.contains(name) || column.putIfAbsent(name, i) != null) {
                throw new CertificateFileException(file + " line " + lineNumber + ": unknown or repeated column '"
                        + DeviceNames.printable(names[i].trim())
                        + "' (columns: thing,kind,ward,bed,storageProfile,room,isolation)");
            }
        }
        if (!column.containsKey("thing") || !column.containsKey("kind")) {
            throw new CertificateFileException(file + " line " + lineNumber + ": the header needs the columns thing and kind");
        }
        return column;
    }

    private static String cell(String[] cells, Map<String, Integer> column, String name) {
        Integer index = column.get(name);
        if (index == null) {
            return null;
        }
        String value = cells[index].trim();
        return value.isEmpty() ? null : value;
    }

    private static String profile(String value) {
        return value == null ? null : DeviceNames.storageProfile(value);
    }

    private static boolean skip(String line) {
        String trimmed = line.trim();
        return trimmed.isEmpty() || trimmed.startsWith("#");
    }
}
