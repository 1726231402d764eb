package org.wardwatch.functions.core;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON as a device might write it, including what a JSON library refuses to write: repeated field names, raw
 * tokens ({@code NaN}, {@code 1e400}), lone surrogates, and arbitrary nesting. Objects keep their fields in order.
 */
sealed interface JsonText {

    /** Written verbatim: numbers, literals, or deliberately broken text. */
    record Raw(String text) implements JsonText {
    }

    /** A string, escaped the way a correct writer would (controls and lone surrogates as {@code \\uXXXX}). */
    record Str(String value) implements JsonText {
    }

    record Arr(List<JsonText> items) implements JsonText {
    }

    record Obj(List<Field> fields) implements JsonText {

        JsonText get(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).findFirst().orElse(null);
        }

        /** This object with {@code name}'s value replaced (or appended when absent). */
        Obj with(String name, JsonText value) {
            List<Field> copy = new ArrayList<>(fields);
            int at = indexOf(name);
            if (at < 0) {
                copy.add(new Field(name, value));
            } else {
                copy.set(at, new Field(name, value));
            }
            return new Obj(copy);
        }

        Obj without(String name) {
            List<Field> copy = new ArrayList<>(fields);
            copy.removeIf(f -> f.name().equals(name));
            return new Obj(copy);
        }

        private int indexOf(String name) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    record Field(String name, JsonText value) {
    }

    static Str str(String value) {
        return new Str(value);
    }

    static Raw raw(String text) {
        return new Raw(text);
    }

    default String write() {
        StringBuilder out = new StringBuilder();
        write(this, out);
        return out.toString();
    }

    private static void write(JsonText json, StringBuilder out) {
        if (json instanceof Raw r) {
            out.append(r.text());
        } else if (json instanceof Str s) {
            quote(s.value(), out);
        } else if (json instanceof Arr a) {
            out.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(a.items().get(i), out);
            }
            out.append(']');
        } else {
            Obj o = (Obj) json;
            out.append('{');
            for (int i = 0; i < o.fields().size(); i++) {
                out.append(i == 0 ? "" : ",");
                quote(o.fields().get(i).name(), out);
                out.append(':');
                write(o.fields().get(i).value(), out);
            }
            out.append('}');
        }
    }

    private static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i)); // a pair: raw, as 4 bytes of UTF-8
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c)); // lone surrogates cannot be UTF-8, only escapes
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
