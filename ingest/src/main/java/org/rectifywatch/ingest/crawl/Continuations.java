package org.rectifywatch.ingest.crawl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectifywatch.ingest.decode.DecodedPage;
import org.rectifywatch.ingest.decode.PageDecoder;
import org.rectifywatch.ingest.extract.ArticleExtractor;
import org.rectifywatch.ingest.extract.ChallengeDetector;
import org.rectifywatch.ingest.extract.ExtractedArticle;
import org.rectifywatch.ingest.fetch.AllowList;
import org.rectifywatch.ingest.fetch.FetchOutcome;
import org.rectifywatch.ingest.fetch.HttpFetcher;
import org.rectifywatch.ingest.fetch.SkipReason;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.state.CrawlStateStore;
import org.rectifywatch.ingest.state.UrlState;

/**
 * Change detection on the continuation pages of a split article ({@link org.rectifywatch.ingest.extract.MultiPage}).
 * Each continuation page keeps its own validators and the hash of its own part of the text in the crawl state
 * ({@link UrlState#parts()} of the first page lists them). When the first page answers 304, every continuation page
 * is asked with its own validators; one that answers with a changed text makes the whole article fetched and joined
 * again (the joined text's hash then decides whether it is published again).
 */
final class Continuations {
    /** What the continuation pages say when the first page did not change. */
    enum Verdict {
        /** Every continuation page is unchanged (or the article is a single page). */
        UNCHANGED,
        /** A continuation page's text changed: the article is fetched again. */
        CHANGED,
        /** The continuation pages are not known (a state recorded before they were): the article is fetched again once. */
        UNKNOWN,
        /** A continuation page could not be fetched or is a challenge page: nothing can be said this pass. */
        FAILED
    }

    /**
     * @param verdict the verdict
     * @param fetched continuation pages that answered 200 (reused when the article is fetched again)
     * @param seen    the continuation pages' states to save when the article is unchanged
     * @param reason  why, when FAILED
     * @param detail  what, when FAILED or CHANGED
     */
    record Check(Verdict verdict, Map<String, FetchOutcome> fetched, List<UrlState> seen, SkipReason reason, String detail) {
    }

    /** A continuation page read: its extracted part and whether it is an anti-bot challenge page instead. */
    record Part(ExtractedArticle article, Optional<String> challenge) {
        String text() {
            return article.text();
        }
    }

    private Continuations() {
    }

    /** Decodes and extracts a fetched continuation page. */
    static Part read(FetchOutcome po, SiteProfile profile, int minPageBytes) {
        DecodedPage pp = PageDecoder.decode(po.body(), po.contentType(), profile.charset());
        ExtractedArticle part = ArticleExtractor.extract(pp.text(), po.finalUrl(), profile);
        return new Part(part, ChallengeDetector.detect(pp.text(), po.body().length, part.text().length(), minPageBytes));
    }

    /** The state of a continuation page just read. */
    static UrlState stateOf(String url, FetchOutcome po, Part part, Instant now) {
        return new UrlState(url, po.etag(), po.lastModified(), Hashes.sha256(part.text()), now, null);
    }

    /**
     * Asks the continuation pages of an article whose first page answered 304 whether they changed. A page judged not
     * a report is judged on its first page alone: its continuation pages are not asked.
     */
    static Check check(UrlState first, CrawlStateStore state, HttpFetcher fetcher, AllowList allow, SiteProfile profile,
                       Instant now, int minPageBytes, PassCounters c) {
        if (first.judgedNotAReport() || (first.parts() != null && first.parts().isEmpty())) {
            return new Check(Verdict.UNCHANGED, Map.of(), List.of(), null, null);
        }
        if (first.parts() == null) {
            return new Check(Verdict.UNKNOWN, Map.of(), List.of(), null, "continuation pages not known yet");
        }
        Map<String, FetchOutcome> fetched = new LinkedHashMap<>();
        List<UrlState> seen = new ArrayList<>();
        for (String next : first.parts()) {
            Optional<UrlState> known = state.get(next);
            FetchOutcome po = fetcher.get(next, known.map(UrlState::etag).orElse(null),
                    known.map(UrlState::lastModified).orElse(null), allow);
            if (po.status() == FetchOutcome.Status.NOT_MODIFIED && known.isPresent()) {
                seen.add(known.get().seen(now));
                continue;
            }
            if (!po.isOk()) {
                return new Check(Verdict.FAILED, fetched, seen, SkipReason.MULTIPAGE_INCOMPLETE, "page " + next + ": "
                        + (po.reason() == null ? "304 without a state" : po.reason().label()) + " (" + po.detail() + ")");
            }
            c.fetched++;
            Part part = read(po, profile, minPageBytes);
            if (part.challenge().isPresent()) {
                return new Check(Verdict.FAILED, fetched, seen, SkipReason.CHALLENGE, "continuation page " + next
                        + " is a challenge page; retried next pass");
            }
            fetched.put(next, po);
            UrlState read = stateOf(next, po, part, now);
            if (known.isEmpty() || !read.sha256().equals(known.get().sha256())) {
                // the pages after it are fetched with the article
                return new Check(Verdict.CHANGED, fetched, seen, null, "continuation page " + next + " changed");
            }
            seen.add(read); // new validators, same text
        }
        return new Check(Verdict.UNCHANGED, fetched, seen, null, null);
    }
}
