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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The targets the benchmarks are held to (issue "demo and benchmarks"). */
    private static final Map<String, String> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("parser", "a 50,000-character report well under 10 ms after warm-up");
        TARGETS.put("classifier", "classification costs no more than segmentation (ratio ≥ 0.5)");
        TARGETS.put("processor", "≥ 0.7 of HanLP segmentation alone");
        TARGETS.put("deadlines", "punctuation follows what is due, not what is tracked (ratio ≤ 2); state empty after retention");
        TARGETS.put("sink", "≥ 0.9 of raw concurrent `_bulk`");
        TARGETS.put("crawl", "a pass over ≥ 500 loopback sites within the politeness floor: floor / actual ≥ 0.8");
        TARGETS.put("e2e", "backfill ≥ 0.7 of the ceiling its parts allow; steady p99 publish→searchable ≤ 1 s at 10 reports/s");
    }

    private static final String HEAD = "# Benchmarks\n\nEach benchmark measures its baseline in the same run on the same machine. Regenerate a "
            + "section (and the summary) with `./pipeline bench NAME --update-docs` (NAME: parser, classifier, processor, deadlines, "
            + "sink, e2e, crawl); the corpus texts are read from `../shared/corpus/reports` when present.\n";

    public static void update(Path doc, String name, String output) throws IOException {
        String existing = Files.exists(doc) ? Files.readString(doc) : HEAD;
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
        Files.writeString(doc, withSummary(updated));
    }

    /** Rebuilds the summary table from the result lines of the sections. */
    static String withSummary(String doc) {
        int firstSection = doc.indexOf("\n## ");
        String sections = firstSection < 0 ? "" : doc.substring(firstSection + 1);
        sections = sections.replaceFirst("(?s)^## Summary\n.*?(?=\n## )\n", "");
        StringBuilder table = new StringBuilder("## Summary\n\n| benchmark | target | last result |\n|---|---|---|\n");
        for (Map.Entry<String, String> t : TARGETS.entrySet()) {
            // every benchmark ends with "bench NAME: …", except the parser's "parser: N ms wall, …"
            String parserLine = t.getKey().equals("parser") ? "|parser: .*ms.*" : "";
            Matcher m = Pattern.compile("(?m)^(bench " + t.getKey() + ": .*" + parserLine + ")$").matcher(sections);
            String result = null;
            while (m.find()) {
                result = m.group(1);
            }
            Matcher latency = Pattern.compile("(?m)^steady load .*$").matcher(t.getKey().equals("e2e") ? sections : "");
            if (latency.find() && result != null) {
                result = result + "; " + latency.group();
            }
            table.append("| ").append(t.getKey()).append(" | ").append(t.getValue()).append(" | ")
                    .append(result == null ? "not run yet" : "`" + result + "`").append(" |\n");
        }
        return HEAD + "\n" + table + "\n" + sections;
    }

    static String machine() {
        long mem = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        // the heap and JVM flags change the figures (transparent huge pages: 6-8 % of a backfill's CPU)
        String flags = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).toList());
        return String.format("Measured %s on %d cores, %.0f GiB memory, %s %s, Java %s%s.", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), mem / 1024.0 / 1024 / 1024, System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), flags.isEmpty() ? "" : " (" + flags + ")");
    }
}
