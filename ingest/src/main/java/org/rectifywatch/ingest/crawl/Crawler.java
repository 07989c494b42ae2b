package org.rectifywatch.ingest.crawl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.LinkedHashMap;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.attach.AttachmentReader;
import org.rectifywatch.ingest.decode.DecodedPage;
import org.rectifywatch.ingest.decode.MojibakeCheck;
import org.rectifywatch.ingest.decode.PageDecoder;
import org.rectifywatch.ingest.extract.ArticleExtractor;
import org.rectifywatch.ingest.extract.AttachmentPointer;
import org.rectifywatch.ingest.extract.ChallengeDetector;
import org.rectifywatch.ingest.extract.ExtractedArticle;
import org.rectifywatch.ingest.extract.Judgement;
import org.rectifywatch.ingest.extract.ListPage;
import org.rectifywatch.ingest.extract.MultiPage;
import org.rectifywatch.ingest.extract.PageClass;
import org.rectifywatch.ingest.fetch.AllowList;
import org.rectifywatch.ingest.fetch.CanonicalUrl;
import org.rectifywatch.ingest.fetch.FetchOutcome;
import org.rectifywatch.ingest.fetch.HttpFetcher;
import org.rectifywatch.ingest.fetch.SkipReason;
import org.rectifywatch.ingest.profile.Pagination;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.publish.LocalFiles;
import org.rectifywatch.ingest.publish.ReportPublisher;
import org.rectifywatch.ingest.sites.SiteEntry;
import org.rectifywatch.ingest.state.CrawlStateStore;
import org.rectifywatch.ingest.state.UrlState;
import org.rectifywatch.model.wire.Attachment;
import org.rectifywatch.model.wire.RawReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawler-producer: walks each profile's list pages, fetches the articles politely (conditional GETs
 * against the remembered ETag / Last-Modified), keeps rectification reports and inspection feedback
 * announcements (told apart by {@link PageClass}, the rule {@code pipeline extract} also follows), and publishes
 * a page only when its extracted text is new or changed: a report as {@link RawReport#REPORT}, an announcement as
 * {@link RawReport#FEEDBACK_NOTICE}. An article that only points to its report file ({@link AttachmentPointer}) is
 * published with that file's text ({@link AttachmentReader}), keyed by the article's URL. URL state lives in
 * {@code crawl.state}, so a new instance picks up where the last one stopped. The continuation pages of a split
 * article keep validators and a text hash of their own ({@link Continuations}): an edit on one of them is noticed
 * while the first page answers 304. A page judged not a report is recorded with the {@link Judgement} version it was
 * judged under and judged again once that changes. Sites are crawled one queue per host, {@code ingest.workers} hosts
 * side by side, so a pass lasts about as long as its busiest host at its delay; {@link SharedCrawl} shares the site
 * list among instances.
 */
public final class Crawler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    private final IngestConfig config;
    private final List<SiteProfile> profiles;
    private final HttpFetcher fetcher;
    private final ReportPublisher publisher;
    private final CrawlStateStore state;
    private final AttachmentReader attachmentReader;
    private volatile boolean closed;
    /** Read-held while a site is crawled (by any worker), so close() never pulls the producer from under a running pass. */
    private final ReentrantReadWriteLock running = new ReentrantReadWriteLock();
    private volatile HostScheduler scheduler;
    /** Every pass since start, summed: read by the service's metrics. */
    private final PassCounters totals = new PassCounters();

    public Crawler(IngestConfig config, List<SiteProfile> profiles) {
        this(config, profiles, true);
    }

    /** A crawler whose sites come from the shared site list ({@link SharedCrawl}) rather than from profiles given here. */
    public static Crawler forSiteList(IngestConfig config) {
        return new Crawler(config, List.of(), false);
    }

    private Crawler(IngestConfig config, List<SiteProfile> profiles, boolean needsProfiles) {
        this.config = config;
        this.profiles = profiles.stream().filter(SiteProfile::isEnabled).toList();
        if (needsProfiles && this.profiles.isEmpty()) {
            throw new IllegalArgumentException("no enabled site profile to crawl; enable one in the profiles file");
        }
        this.state = CrawlStateStore.load(config.kafka(), config.stateLoadTimeout());
        this.publisher = new ReportPublisher(config.kafka());
        this.fetcher = new HttpFetcher(config);
        this.attachmentReader = new AttachmentReader(fetcher, config.maxAttachmentBytes());
    }

    /** Publishes local text/HTML files through this crawler's producer and state (key {@code file:<sha256>}). */
    public LocalFiles.Result publishFiles(List<java.nio.file.Path> paths) {
        running.readLock().lock();
        try {
            LocalFiles.Result r = LocalFiles.publish(paths, publisher, state);
            log.info(r.line());
            return r;
        } finally {
            running.readLock().unlock();
        }
    }

    public List<SiteProfile> profiles() {
        return profiles;
    }

    /** One pass over every profile, walking each profile's {@code list_pages}. */
    public PassSummary runOnce() {
        return runPass(0);
    }

    /** One pass walking {@code depth} list pages of every profile (0: the profile's {@code backfill_depth}). */
    public PassSummary backfill(int depth) {
        return runPass(depth <= 0 ? -1 : depth);
    }

    /**
     * One pass over every profile: one queue per host (a host's profiles one after another, in the given order), up to
     * {@code ingest.workers} hosts side by side. With one worker or one host it runs in the calling thread as before.
     */
    private PassSummary runPass(int depth) {
        PassCounters total = new PassCounters();
        Map<String, List<SiteProfile>> byHost = byHost(profiles);
        int workers = Math.min(config.workers(), byHost.size());
        if (workers <= 1) {
            for (SiteProfile p : profiles) {
                if (closed) {
                    break;
                }
                total.add(crawlProfile(p, pagesOf(p, depth), () -> false));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "crawl-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<List<PassSummary>>> hosts = new ArrayList<>();
                for (List<SiteProfile> sites : biggestFirst(byHost, state.urlsByHost())) {
                    hosts.add(pool.submit(() -> {
                        List<PassSummary> done = new ArrayList<>();
                        for (SiteProfile p : sites) {
                            if (closed) {
                                break;
                            }
                            done.add(crawlProfile(p, pagesOf(p, depth), () -> false));
                        }
                        return done;
                    }));
                }
                for (Future<List<PassSummary>> f : hosts) {
                    f.get().forEach(total::add);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            } catch (ExecutionException e) {
                throw new IllegalStateException("a crawl worker failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        PassSummary s = total.summary();
        log.info("pass done: {}", s.line());
        return s;
    }

    /**
     * The host queues, the biggest sites (most URLs known) first: a pass lasts at least as long as its busiest host, so
     * starting that one first lets the small ones fill the other workers beside it (longest-processing-time-first).
     */
    static List<List<SiteProfile>> biggestFirst(Map<String, List<SiteProfile>> byHost, Map<String, Integer> urlsByHost) {
        List<Map.Entry<String, List<SiteProfile>>> hosts = new ArrayList<>(byHost.entrySet());
        hosts.sort((x, y) -> Integer.compare(urlsByHost.getOrDefault(y.getKey(), 0), urlsByHost.getOrDefault(x.getKey(), 0)));
        return hosts.stream().map(Map.Entry::getValue).toList();
    }

    private static int pagesOf(SiteProfile p, int depth) {
        return depth == 0 ? p.listPages() : depth < 0 ? p.backfillDepth() : depth;
    }

    /** The profiles by the host of their first column (the unit of politeness), in the order given. */
    static Map<String, List<SiteProfile>> byHost(List<SiteProfile> profiles) {
        Map<String, List<SiteProfile>> out = new LinkedHashMap<>();
        for (SiteProfile p : profiles) {
            out.computeIfAbsent(hostOf(p), h -> new ArrayList<>()).add(p);
        }
        return out;
    }

    static String hostOf(SiteProfile p) {
        try {
            return p.startUrls().isEmpty() ? p.name() : SiteEntry.hostOf(p.startUrls().get(0));
        } catch (IllegalArgumentException e) {
            return p.name();
        }
    }

    /**
     * Runs until {@link #close()}: each host's sites are crawled again when their interval has passed (starting at the
     * profiles' {@code poll_interval}, then adapted by {@link RecrawlInterval}), {@code ingest.workers} hosts side by side.
     */
    public void runContinuously() {
        HostScheduler s = newScheduler();
        byHost(profiles).forEach(s::put);
        runScheduler(s);
    }

    HostScheduler newScheduler() {
        return new HostScheduler((p, stop) -> crawlProfile(p, p.listPages(), stop), config.recrawlMin(), config.recrawlMax(),
                config.hostDelay());
    }

    /** Runs the scheduler's workers until this crawler is closed or the thread interrupted. */
    void runScheduler(HostScheduler s) {
        scheduler = s;
        if (closed) {
            s.close();
        }
        try {
            s.run(config.workers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    CrawlStateStore state() {
        return state;
    }

    IngestConfig config() {
        return config;
    }

    PassSummary crawlProfile(SiteProfile profile, int pages) {
        return crawlProfile(profile, pages, () -> false);
    }

    /** One site's part of a pass; stops at the next article once {@code stop} (or {@link #close}) says so. */
    PassSummary crawlProfile(SiteProfile profile, int pages, BooleanSupplier stop) {
        running.readLock().lock();
        try {
            if (closed) {
                return new PassCounters().summary();
            }
            PassSummary s = crawlProfileLocked(profile, pages, () -> closed || stop.getAsBoolean());
            synchronized (totals) {
                totals.add(s);
            }
            return s;
        } finally {
            running.readLock().unlock();
        }
    }

    /** The sum of every site pass since this crawler started. */
    public PassSummary totals() {
        synchronized (totals) {
            return totals.summary();
        }
    }

    /**
     * One site's part of a pass. Whatever goes wrong here stays here: a failure is counted as an error of this
     * site and logged with the site and URL, and the pass goes on with the next profile.
     */
    private PassSummary crawlProfileLocked(SiteProfile profile, int pages, BooleanSupplier stop) {
        PassCounters c = new PassCounters();
        Set<String> seen = new HashSet<>();
        String at = null;
        try {
            AllowList allow = new AllowList(profile.allowedHosts());
            for (String start : profile.startUrls()) {
                at = start;
                if (stop.getAsBoolean() || !walkColumn(profile, allow, start, pages, seen, c, stop)) {
                    break;
                }
            }
        } catch (ReportPublisher.PublishException e) {
            c.errors++;
            log.error("{}: stopping this pass: {} (the URL is retried next pass)", profile.name(), e.getMessage());
        } catch (RuntimeException e) {
            c.errors++;
            log.error("{}: unexpected error while crawling {}; this site is skipped for this pass, the others go on: {}",
                    profile.name(), at, e.toString(), e);
        }
        PassSummary s = c.summary();
        if (s.errors() > 0) {
            log.warn("{}: {}", profile.name(), s.line());
        } else {
            log.info("{}: {}", profile.name(), s.line());
        }
        return s;
    }

    /**
     * Walks one column's list pages.
     *
     * @return false when the site answered with an anti-bot challenge: the rest of the site is skipped this pass
     */
    private boolean walkColumn(SiteProfile profile, AllowList allow, String start, int pages, Set<String> seen, PassCounters c,
                               BooleanSupplier stop) {
        String listUrl = start;
        int total = 0;
        Set<String> visitedLists = new HashSet<>();
        List<String> previousLinks = List.of();
        for (int n = 0; n < pages && !stop.getAsBoolean(); n++) {
            if (n > 0) {
                if (total > 0 && n >= total) {
                    break;
                }
                Optional<String> computed = profile.pagination().pageUrl(start, n);
                if (computed.isPresent()) {
                    listUrl = computed.get();
                } else if (!followsListUrl(profile.pagination()) || listUrl == null) {
                    break;
                }
            }
            if (listUrl == null || !visitedLists.add(ListPage.pageKey(listUrl))) {
                break;
            }
            ListPage list;
            try {
                FetchOutcome o = fetcher.get(listUrl, null, null, allow);
                if (!o.isOk()) {
                    log.warn("{}: list page {} skipped: {} ({})", profile.name(), listUrl, o.reason().label(), o.detail());
                    c.skip(o.reason());
                    break;
                }
                c.fetched++;
                DecodedPage page = PageDecoder.decode(o.body(), o.contentType(), profile.charset());
                list = ListPage.parse(page.text(), o.finalUrl(), profile);
                if (list.links().isEmpty() && list.entries() == 0) {
                    Optional<String> challenge = ChallengeDetector.detectPage(page.text(), o.body().length, config.minPageBytes());
                    if (challenge.isPresent()) {
                        c.skip(SkipReason.CHALLENGE);
                        log.warn("{}: list page {} is an anti-bot challenge ({}); skipping this site for this pass, "
                                + "retried next pass", profile.name(), listUrl, challenge.get());
                        return false;
                    }
                    if (n == 0) {
                        log.warn("{}: list page {} has no article links (check the profile's link_selector and "
                                + "article_url_pattern)", profile.name(), listUrl);
                    } else {
                        log.debug("{}: list page {} has no article links; end of the column", profile.name(), listUrl);
                    }
                    break;
                }
            } catch (ReportPublisher.PublishException e) {
                throw e;
            } catch (RuntimeException e) {
                c.errors++;
                log.error("{}: unexpected error on list page {}; the rest of this column is skipped this pass: {}",
                        profile.name(), listUrl, e.toString(), e);
                break;
            }
            total = list.totalPages();
            List<String> linkUrls = list.links().stream().map(ListPage.Link::url).toList();
            if (!linkUrls.isEmpty() && linkUrls.equals(previousLinks)) {
                log.debug("{}: list page {} repeats the previous one; end of the column", profile.name(), listUrl);
                break;
            }
            previousLinks = linkUrls;
            log.debug("{}: list page {} has {} links ({} entries)", profile.name(), listUrl, list.links().size(), list.entries());
            for (ListPage.Link link : list.links()) {
                if (stop.getAsBoolean()) {
                    return true;
                }
                processArticle(profile, allow, link, seen, c);
            }
            listUrl = list.nextUrl();
        }
        return true;
    }

    private static boolean followsListUrl(Pagination p) {
        return p.kind() == Pagination.Kind.NEXT_LINK || p.kind() == Pagination.Kind.JPAGE || p.kind() == Pagination.Kind.AUTO;
    }

    private void processArticle(SiteProfile profile, AllowList allow, ListPage.Link link, Set<String> seen, PassCounters c) {
        String url;
        try {
            url = CanonicalUrl.of(link.url());
        } catch (IllegalArgumentException e) {
            log.warn("{}: ignoring link {}: {}", profile.name(), link.url(), e.getMessage());
            return;
        }
        if (!seen.add(url)) {
            return;
        }
        if (PageClass.ofTitle(profile.titleFilter(), link.title()).kind() == PageClass.Kind.NOISE) {
            log.info("{}: not a report (list title): {} {}", profile.name(), link.title(), url);
            c.skip(SkipReason.NOT_A_REPORT);
            return;
        }
        c.articles++;
        if (config.progressEvery() > 0 && c.articles % config.progressEvery() == 0) {
            log.info("{}: progress: {} articles, {} new, {} changed, {} notices, {} not modified so far", profile.name(),
                    c.articles, c.published, c.changed, c.notices + c.noticesChanged, c.notModified);
        }
        try {
            processFetched(profile, allow, link, url, c);
        } catch (ReportPublisher.PublishException e) {
            throw e;
        } catch (RuntimeException e) {
            c.errors++;
            log.error("{}: unexpected error on {}: {}", profile.name(), url, e.toString(), e);
        }
    }

    private void processFetched(SiteProfile profile, AllowList allow, ListPage.Link link, String url, PassCounters c) {
        Optional<UrlState> known = state.get(url);
        String judgement = Judgement.of(profile.titleFilter());
        boolean judgeAgain = known.isPresent() && known.get().judgedNotAReport() && !judgement.equals(known.get().judgement());
        if (judgeAgain) {
            log.info("{}: judged not a report under other rules ({}); fetching it to judge again: {}", profile.name(),
                    known.get().judgement(), url);
        }
        FetchOutcome o = judgeAgain ? fetcher.get(url, null, null, allow) : fetcher.get(url, known.map(UrlState::etag).orElse(null),
                known.map(UrlState::lastModified).orElse(null), allow);
        Instant now = Instant.now();
        Map<String, FetchOutcome> prefetched = Map.of();
        if (o.status() == FetchOutcome.Status.NOT_MODIFIED) {
            UrlState s = known.orElseThrow();
            Continuations.Check parts = Continuations.check(s, state, fetcher, allow, profile, now, config.minPageBytes(), c);
            if (parts.verdict() == Continuations.Verdict.FAILED) {
                skip(profile, url, c, parts.reason(), parts.detail());
                return;
            }
            if (parts.verdict() == Continuations.Verdict.UNCHANGED) {
                c.notModified++;
                parts.seen().forEach(this::save);
                save(s.seen(now));
                return;
            }
            log.info("{}: first page not modified, fetching the article again: {} ({})", profile.name(), url, parts.detail());
            prefetched = parts.fetched();
            o = fetcher.get(url, null, null, allow);
        }
        if (!o.isOk()) {
            skip(profile, url, c, o.reason(), o.detail());
            return;
        }
        c.fetched++;
        DecodedPage page = PageDecoder.decode(o.body(), o.contentType(), profile.charset());
        ExtractedArticle article = ArticleExtractor.extract(page.text(), o.finalUrl(), profile);
        List<String> partUrls = MultiPage.continuationUrls(page.text(), o.finalUrl());
        List<UrlState> partStates = new ArrayList<>();
        String pageTitle = article.title() != null ? article.title() : link.title();
        if (PageClass.of(profile.titleFilter(), pageTitle, null, article.text()).kind() == PageClass.Kind.NOISE
                && !ChallengeDetector.isCertain(page.text())) {
            log.info("{}: not a report: {} {}", profile.name(), pageTitle, url);
            c.skip(SkipReason.NOT_A_REPORT);
            saveState(url, o, null, known, now, false, partUrls, judgement, List.of());
            return;
        }
        // a one-line article pointing to its report file is small, and no challenge for that
        Optional<AttachmentPointer> pointer = AttachmentPointer.find(profile.titleFilter(), pageTitle, link.title(),
                article.text(), article.attachments());
        Optional<String> challenge = pointer.isPresent() && !ChallengeDetector.isCertain(page.text()) ? Optional.empty()
                : ChallengeDetector.detect(page.text(), o.body().length, article.text().length(), config.minPageBytes());
        if (challenge.isPresent()) {
            skip(profile, url, c, SkipReason.CHALLENGE, challenge.get() + "; retried next pass");
            return;
        }
        StringBuilder text = new StringBuilder(article.text());
        Set<Attachment> attachments = new LinkedHashSet<>(article.attachments());
        for (String next : partUrls) {
            FetchOutcome po = prefetched.containsKey(next) ? prefetched.get(next) : fetcher.get(next, null, null, allow);
            if (!po.isOk()) {
                skip(profile, url, c, SkipReason.MULTIPAGE_INCOMPLETE, "page " + next + ": " + po.reason().label()
                        + " (" + po.detail() + ")");
                return;
            }
            if (!prefetched.containsKey(next)) {
                c.fetched++;
            }
            Continuations.Part part = Continuations.read(po, profile, config.minPageBytes());
            if (part.challenge().isPresent()) {
                skip(profile, url, c, SkipReason.CHALLENGE, "continuation page " + next + " is a challenge page");
                return;
            }
            if (!part.text().isEmpty()) {
                text.append(text.length() == 0 ? "" : "\n").append(part.text());
            }
            attachments.addAll(part.article().attachments());
            partStates.add(Continuations.stateOf(next, po, part, now));
        }
        String title = article.title() != null ? article.title() : link.title();
        String body = text.toString();
        PageClass.Verdict verdict = pointer.isPresent() ? pointer.get().verdict()
                : PageClass.of(profile.titleFilter(), title, link.title(), body);
        if (!verdict.kept()) {
            log.info("{}: not a report: {} {}", profile.name(), title, url);
            c.skip(SkipReason.NOT_A_REPORT);
            saveState(url, o, null, known, now, false, partUrls, judgement, List.of());
            return;
        }
        boolean notice = verdict.kind() == PageClass.Kind.FEEDBACK_NOTICE;
        if (pointer.isPresent()) {
            AttachmentReader.Outcome read = attachmentReader.read(profile.name(), pointer.get().attachment(), allow);
            if (!read.ok()) {
                skip(profile, url, c, read.reason(), read.detail());
                if (read.settled()) {
                    saveState(url, o, null, known, now, false, partUrls, judgement, List.of());
                }
                return;
            }
            c.fetched++;
            body = read.text();
            attachments = AttachmentReader.readFirst(pointer.get().attachment(), attachments);
        }
        if (body.isBlank()) {
            skip(profile, url, c, SkipReason.EMPTY_TEXT, "no article text found");
            return;
        }
        Optional<String> garbled = MojibakeCheck.problem(title + "\n" + body);
        if (garbled.isPresent()) {
            skip(profile, url, c, SkipReason.MOJIBAKE, "decoded as " + page.charset() + " (" + page.how() + "): "
                    + garbled.get() + "; set the profile's charset if the site declares the wrong one");
            return;
        }
        String sha = Hashes.sha256(body);
        if (known.isPresent() && sha.equals(known.get().sha256())) {
            c.unchanged++;
            saveState(url, o, sha, known, now, false, partUrls, judgement, partStates);
            return;
        }
        try {
            String pageDate = article.pageDate() != null ? article.pageDate() : link.date();
            publisher.publish(new RawReport(url, profile.name(), title, pageDate, now, page.charset(), sha, body,
                    new ArrayList<>(attachments), notice ? RawReport.FEEDBACK_NOTICE : RawReport.REPORT));
        } catch (ReportPublisher.RecordTooLarge e) {
            skip(profile, url, c, SkipReason.TOO_LARGE, e.getMessage());
            return;
        }
        org.rectifywatch.model.ops.CrashPoint.reach("crawler.published"); // crash window: on reports.raw, crawl.state not yet written
        boolean changed = known.isPresent() && known.get().sha256() != null;
        if (notice) {
            if (changed) {
                c.noticesChanged++;
            } else {
                c.notices++;
            }
        } else if (changed) {
            c.changed++;
        } else {
            c.published++;
        }
        log.info("{}: published {} {} {} ({} chars): {}", profile.name(), changed ? "changed" : "new",
                notice ? "feedback notice" : "report", url, body.length(), title);
        saveState(url, o, sha, known, now, true, partUrls, judgement, partStates);
    }

    /**
     * Records a page: its continuation pages' states first, so that a stop in between leaves the first page's old
     * state, which has them checked again.
     */
    private void saveState(String url, FetchOutcome o, String sha, Optional<UrlState> known, Instant now, boolean published,
                           List<String> parts, String judgement, List<UrlState> partStates) {
        partStates.forEach(this::save);
        save(new UrlState(url, o.etag(), o.lastModified(), sha, now,
                published ? now : known.map(UrlState::publishedAt).orElse(null), parts, judgement));
    }

    private void save(UrlState s) {
        publisher.saveState(s);
        state.put(s);
    }

    private void skip(SiteProfile profile, String url, PassCounters c, SkipReason reason, String detail) {
        c.skip(reason);
        log.warn("{}: skipped {}: {} ({})", profile.name(), url, reason.label(), detail);
    }

    /** Stops a continuous run or a pass at the next article, then releases the producer. */
    @Override
    public void close() {
        closed = true;
        HostScheduler s = scheduler;
        if (s != null) {
            s.close();
        }
        running.writeLock().lock();
        try {
            publisher.close();
            fetcher.close();
        } finally {
            running.writeLock().unlock();
        }
    }
}
