package org.rectifywatch.ingest.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.rectifywatch.model.wire.RawReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes local text or HTML files (archives, backfills, the samples) to {@code reports.raw}. A file's
 * key is {@code file:} + the SHA-256 of its text, so the same content is published once however often
 * or under whatever name it is given.
 */
public final class LocalFiles {
    private static final Logger log = LoggerFactory.getLogger(LocalFiles.class);

    /** Counts of one run. */
    public record Result(int published, int unchanged, Map<String, Integer> skipped) {
        public String line() {
            return "files: new " + published + ", unchanged " + unchanged + ", skipped " + skipped;
        }
    }

    private LocalFiles() {
    }

    public static Result publish(List<Path> paths, ReportPublisher publisher, CrawlStateStore state) {
        int published = 0;
        int unchanged = 0;
        Map<String, Integer> skipped = new TreeMap<>();
        for (Path f : expand(paths)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                log.warn("skipped {}: cannot read it ({})", f, e.getMessage());
                skipped.merge("unreadable", 1, Integer::sum);
                continue;
            }
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean html = name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".shtml");
            DecodedPage page = PageDecoder.decode(bytes, html ? null : "text/plain", null);
            String title;
            String date = null;
            String text;
            List<org.rectifywatch.model.wire.Attachment> attachments = List.of();
            if (html) {
                ExtractedArticle a = ArticleExtractor.extract(page.text(), f.toUri().toString(), null);
                title = a.title();
                date = a.pageDate();
                text = a.text();
                attachments = a.attachments();
            } else {
                text = ArticleText.normalize(page.text());
                String first = text.lines().findFirst().orElse("");
                title = first.length() <= 80 && first.contains("关于") ? first : f.getFileName().toString();
            }
            if (text.isBlank()) {
                log.warn("skipped {}: no text", f);
                skipped.merge("empty_text", 1, Integer::sum);
                continue;
            }
            var garbled = MojibakeCheck.problem(text);
            if (garbled.isPresent()) {
                log.warn("skipped {}: decoded as {} it looks garbled ({})", f, page.charset(), garbled.get());
                skipped.merge("mojibake", 1, Integer::sum);
                continue;
            }
            String sha = Hashes.sha256(text);
            String key = "file:" + sha;
            if (state.get(key).isPresent()) {
                unchanged++;
                continue;
            }
            Instant now = Instant.now();
            publisher.publish(new RawReport(key, "files", title, date, now, page.charset(), sha, text, attachments));
            UrlState s = new UrlState(key, null, null, sha, now, now);
            publisher.saveState(s);
            state.put(s);
            published++;
            log.info("published {} as {}", f, key);
        }
        return new Result(published, unchanged, skipped);
    }

    private static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(LocalFiles::readable).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private static boolean readable(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".shtml");
    }
}
