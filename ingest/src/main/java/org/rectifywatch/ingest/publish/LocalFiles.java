package org.rectifywatch.ingest.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rectifywatch.ingest.crawl.Hashes;
import org.rectifywatch.ingest.decode.DecodedPage;
import org.rectifywatch.ingest.decode.MojibakeCheck;
import org.rectifywatch.ingest.decode.PageDecoder;
import org.rectifywatch.ingest.extract.ArticleExtractor;
import org.rectifywatch.ingest.extract.ArticleText;
import org.rectifywatch.ingest.extract.ExtractedArticle;
import org.rectifywatch.ingest.state.CrawlStateStore;
import org.rectifywatch.ingest.state.UrlState;
import org.rectifywatch.model.wire.Attachment;
import org.rectifywatch.model.wire.RawReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes local text or HTML files (archives, backfills, the samples) to {@code reports.raw}, and reads a file the
 * way the pipeline does for {@code pipeline parse}.
 *
 * <p>A file's key is {@code file:} + its path relative to the parent of the argument it was found through, with
 * {@code /} as separator: a file argument {@code /data/a.txt} is {@code file:a.txt}, and {@code 2024/b.html} inside a
 * folder argument {@code /data/archive} is {@code file:archive/2024/b.html}. A key name given for a single argument
 * stands in for the argument's own name: {@code file:NAME} for a file, {@code file:NAME/2024/b.html} for a folder.
 * The key stays the same when the file is edited, so a new text is a new version of the same report (like a
 * re-crawled URL); content already published under its key is not published again.
 *
 * <p>A file that cannot be read, decoded or published is skipped with its path and reason logged; the run goes on.
 */
public final class LocalFiles {
    private static final Logger log = LoggerFactory.getLogger(LocalFiles.class);

    /** Skip reasons of a run (the keys of {@link Result#skipped()}). */
    public static final String UNREADABLE = "unreadable";
    public static final String EMPTY_TEXT = "empty_text";
    public static final String MOJIBAKE = "mojibake";
    public static final String TOO_LARGE = "too_large";
    public static final String DUPLICATE_KEY = "duplicate_key";

    /** A file that was not published, and why. */
    public record Skipped(Path path, String reason, String detail) {
    }

    /** Counts of one run: new keys, new versions of known keys, unchanged files, and the files skipped. */
    public record Result(int published, int changed, int unchanged, List<Skipped> skips) {
        public Result {
            skips = List.copyOf(skips);
        }

        /** Skips counted by reason. */
        public Map<String, Integer> skipped() {
            Map<String, Integer> m = new TreeMap<>();
            skips.forEach(s -> m.merge(s.reason(), 1, Integer::sum));
            return m;
        }

        public String line() {
            return "files: new " + published + ", changed " + changed + ", unchanged " + unchanged + ", skipped " + skipped();
        }
    }

    /** A file as the pipeline reads it: decoded (BOM, {@code <meta charset>}, else UTF-8 or GB18030), HTML extracted. */
    public record FileText(String title, String pageDate, String text, String charset, List<Attachment> attachments) {
    }

    /** The outcome of {@link #read(Path)}: the text, or the skip reason ({@link #UNREADABLE} …) with a detail. */
    public record Read(Path path, FileText file, String skipReason, String detail) {
        public boolean ok() {
            return file != null;
        }
    }

    private LocalFiles() {
    }

    /** Publishes with the default keys (see the class comment). */
    public static Result publish(List<Path> paths, ReportPublisher publisher, CrawlStateStore state) {
        return publish(paths, null, publisher, state);
    }

    /**
     * Publishes every file of {@code paths} (folders are walked for .txt/.html/.htm/.shtml files, in name order).
     *
     * @param keyName stands in for the argument's own name in the keys (only with a single path), or null
     * @throws ReportPublisher.PublishException when Kafka does not acknowledge a write (nothing after it is published)
     */
    public static Result publish(List<Path> paths, String keyName, ReportPublisher publisher, CrawlStateStore state) {
        String name = keyName == null ? null : keyName(keyName);
        if (name != null && paths.size() != 1) {
            throw new IllegalArgumentException("a key name applies to one PATH only, not " + paths.size());
        }
        int published = 0;
        int changed = 0;
        int unchanged = 0;
        List<Skipped> skips = new ArrayList<>();
        Map<String, Path> keys = new HashMap<>();
        for (Path arg : paths) {
            List<Path> files;
            try {
                files = expand(arg);
            } catch (IOException | UncheckedIOException e) {
                skips.add(skip(arg, UNREADABLE, "cannot list the folder (" + e.getMessage() + ")"));
                continue;
            }
            for (Path f : files) {
                String key = key(arg, f, name);
                Path first = keys.putIfAbsent(key, f);
                if (first != null) {
                    skips.add(skip(f, DUPLICATE_KEY, "its key " + key + " is already that of " + first + " in this run"));
                    continue;
                }
                Read r = read(f);
                if (!r.ok()) {
                    skips.add(skip(f, r.skipReason(), r.detail()));
                    continue;
                }
                FileText t = r.file();
                String sha = Hashes.sha256(t.text());
                Optional<UrlState> known = state.get(key);
                if (known.isPresent() && sha.equals(known.get().sha256())) {
                    unchanged++;
                    continue;
                }
                Instant now = Instant.now();
                try {
                    publisher.publish(new RawReport(key, "files", t.title(), t.pageDate(), now, t.charset(), sha, t.text(),
                            t.attachments()));
                    UrlState s = new UrlState(key, null, null, sha, now, now);
                    publisher.saveState(s);
                    state.put(s);
                } catch (ReportPublisher.RecordTooLarge e) {
                    skips.add(skip(f, TOO_LARGE, t.text().length() + " characters; " + e.getMessage()));
                    continue;
                } catch (ReportPublisher.PublishException e) {
                    throw new ReportPublisher.PublishException("could not publish " + f + " (" + e.getMessage()
                            + "); the files after it were not published: run again when Kafka is reachable", e);
                }
                boolean edit = known.isPresent() && known.get().sha256() != null;
                if (edit) {
                    changed++;
                } else {
                    published++;
                }
                log.info("published {} as {} ({})", f, key, edit ? "changed" : "new");
            }
        }
        return new Result(published, changed, unchanged, skips);
    }

    /**
     * Reads one file as {@code ingest files} publishes it: bytes decoded like a fetched page (BOM, then
     * {@code <meta charset>}, then strict UTF-8, else GB18030); an HTML page (by its extension, or text starting with
     * {@code <}) goes through article extraction, a text file is normalised to one paragraph per line. Empty or
     * garbled text is a skip, as is a file that cannot be read.
     */
    public static Read read(Path f) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            return new Read(f, null, UNREADABLE, "cannot read it (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        String fileName = f.getFileName() == null ? f.toString() : f.getFileName().toString();
        DecodedPage page = PageDecoder.decode(bytes, null, null);
        String title;
        String date = null;
        String text;
        List<Attachment> attachments = List.of();
        if (isHtml(fileName, page.text())) {
            ExtractedArticle a = ArticleExtractor.extract(page.text(), f.toAbsolutePath().toUri().toString(), null);
            title = a.title();
            date = a.pageDate();
            text = a.text();
            attachments = a.attachments();
        } else {
            text = ArticleText.normalize(page.text());
            String first = text.lines().findFirst().orElse("");
            title = first.length() <= 80 && first.contains("关于") ? first : fileName;
        }
        if (text.isBlank()) {
            return new Read(f, null, EMPTY_TEXT, "no text");
        }
        Optional<String> garbled = MojibakeCheck.problem(text);
        if (garbled.isPresent()) {
            return new Read(f, null, MOJIBAKE, "decoded as " + page.charset() + " (" + page.source() + ") it looks garbled ("
                    + garbled.get() + ")");
        }
        return new Read(f, new FileText(title, date, text, page.charset(), attachments), null, null);
    }

    /** The key of {@code file}, found through the argument {@code arg} (see the class comment). */
    public static String key(Path arg, Path file, String keyName) {
        Path a = arg.toAbsolutePath().normalize();
        Path rel = a.relativize(file.toAbsolutePath().normalize());
        String name = keyName != null ? keyName(keyName) : a.getFileName() == null ? "" : a.getFileName().toString();
        StringBuilder k = new StringBuilder("file:").append(name);
        for (Path part : rel) {
            if (!part.toString().isEmpty()) {
                k.append(k.length() > "file:".length() ? "/" : "").append(part);
            }
        }
        return k.toString();
    }

    private static String keyName(String keyName) {
        String n = keyName.replace('\\', '/').strip();
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.isEmpty()) {
            throw new IllegalArgumentException("the key name is empty: give a name such as archive-2024 or a.txt");
        }
        return n;
    }

    private static Skipped skip(Path f, String reason, String detail) {
        log.warn("skipped {}: {} ({})", f, reason, detail);
        return new Skipped(f, reason, detail);
    }

    private static boolean isHtml(String fileName, String text) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".shtml")) {
            return true;
        }
        String head = text.stripLeading();
        if (head.startsWith("\ufeff")) {
            head = head.substring(1).stripLeading();
        }
        // a report text never starts with '<'; an HTML page (or XML fragment) does
        return head.startsWith("<");
    }

    private static List<Path> expand(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).filter(LocalFiles::readable).sorted().toList();
        }
    }

    private static boolean readable(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".shtml");
    }
}
