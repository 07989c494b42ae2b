package org.rectifywatch.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Keeps docs/BENCHMARKS.md current: one section per benchmark, replaced by each {@code --update-docs} run. */
public final class BenchmarkReport {
    private BenchmarkReport() {
    }

    /** Prints to the console and keeps a copy for the document. */
    public static final class Capture {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final PrintStream stream;

        public Capture(PrintStream console) {
            OutputStream tee = new OutputStream() {
                @Override
                public void write(int b) {
                    console.write(b);
                    copy.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    console.write(b, off, len);
                    copy.write(b, off, len);
                }
            };
            this.stream = new PrintStream(tee, true, StandardCharsets.UTF_8);
        }

        public PrintStream stream() {
            return stream;
        }

        public String text() {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    public static void update(Path doc, String name, String output) throws IOException {
        String existing = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n\nRegenerate a section with "
                + "`./pipeline bench NAME --update-docs` (NAME: processor, parser, sink, e2e).\n";
        String header = "## " + name + "\n";
        String section = header + "\n" + machine() + "\n```\n" + output.strip() + "\n```\n";
        int start = existing.indexOf(header);
        String updated;
        if (start < 0) {
            updated = existing.stripTrailing() + "\n\n" + section;
        } else {
            int end = existing.indexOf("\n## ", start + header.length());
            updated = existing.substring(0, start) + section + (end < 0 ? "" : existing.substring(end + 1));
        }
        Files.writeString(doc, updated);
    }

    static String machine() {
        long mem = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format("Measured %s on %d cores, %.0f GiB memory, %s %s, Java %s.", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), mem / 1024.0 / 1024 / 1024, System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"));
    }
}
