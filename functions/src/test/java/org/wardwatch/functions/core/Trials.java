package org.wardwatch.functions.core;

import java.security.SecureRandom;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property runner on plain JUnit Jupiter: draws {@code tries} cases from a seeded generator and checks each.
 * The seed is random per run so that runs keep exploring; a failure names it, and
 * {@code -DhostileInput.seed=<seed>} replays the same cases.
 */
final class Trials {

    private static final String SEED_PROPERTY = "hostileInput.seed";
    private static final long RUN_SEED = Long.getLong(SEED_PROPERTY, new SecureRandom().nextLong());

    private Trials() {
    }

    /** Checks {@code property} on {@code tries} cases; each property draws its own stream from the run's seed. */
    static <T> void forAll(String property, int tries, Function<Random, T> generator, Consumer<T> check) {
        Random random = new Random(RUN_SEED ^ property.hashCode());
        for (int i = 0; i < tries; i++) {
            T sample = generator.apply(random);
            try {
                check.accept(sample);
            } catch (Throwable failure) {
                throw new AssertionError(property + " failed on try " + (i + 1) + " of " + tries
                        + " (replay with -D" + SEED_PROPERTY + "=" + RUN_SEED + ")\n  case: " + sample
                        + "\n  " + failure, failure);
            }
        }
    }

    /** Bytes as text for a failure message: printable ASCII as is, the rest as \xNN, cut at 600 characters. */
    static String printable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length && out.length() < 600; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        return bytes.length + " bytes: " + out + (out.length() >= 600 ? "..." : "");
    }
}
