package org.rectifywatch.model.ops;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named failure windows where the crash tests kill a service on purpose. {@code CrashPoint.reach("crawler.published")}
 * halts the JVM at once ({@code Runtime.halt(137)}: no shutdown hook, no close, as a SIGKILL would) when the system
 * property {@code rectify.crash.at} (or env {@code RECTIFY_CRASH_AT}) names that point, optionally as
 * {@code NAME:N} to halt the N-th time it is reached. Unset — always outside the crash tests — a call costs one
 * read of a static final field.
 */
public final class CrashPoint {
    public static final String PROPERTY = "rectify.crash.at";
    public static final String ENV = "RECTIFY_CRASH_AT";
    /** The exit status of a halted JVM: what a shell reports for a process killed by SIGKILL (128 + 9). */
    public static final int EXIT_STATUS = 137;

    private static final Armed ARMED = Armed.parse(System.getProperty(PROPERTY, System.getenv(ENV)));

    private CrashPoint() {
    }

    /** The armed point and on which passage it halts. */
    record Armed(String point, int nth, AtomicInteger reached) {
        static Armed parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String v = value.trim();
            int colon = v.lastIndexOf(':');
            if (colon < 0) {
                return new Armed(v, 1, new AtomicInteger());
            }
            try {
                int n = Integer.parseInt(v.substring(colon + 1));
                if (n >= 1 && colon > 0) {
                    return new Armed(v.substring(0, colon), n, new AtomicInteger());
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal below
            }
            throw new IllegalArgumentException("configuration " + PROPERTY + " (env " + ENV + ") must be a crash point name, "
                    + "optionally followed by :N with N ≥ 1 (e.g. sink.bulk.sent:3), not '" + value + "'");
        }

        /** True on the passage that must halt. */
        boolean halts(String at) {
            return point.equals(at) && reached.incrementAndGet() == nth;
        }
    }

    /** Halts the JVM when {@code point} is the armed crash point and this is the armed passage; otherwise returns. */
    public static void reach(String point) {
        if (ARMED != null && ARMED.halts(point)) {
            System.err.println("crash point " + point + " reached (" + PROPERTY + "=" + ARMED.point() + ":" + ARMED.nth()
                    + "): halting with status " + EXIT_STATUS);
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }

    /** Whether a crash point is armed in this JVM (tests check their child really runs armed). */
    public static boolean armed() {
        return ARMED != null;
    }
}
