package org.rectifywatch.samples.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.rectifywatch.samples.SampleNotices;
import org.rectifywatch.samples.SampleReports;

/**
 * A small publication site on loopback that looks like the real ones (sites.md): a 巡视巡察 column with
 * paginated TRS-style list pages, report articles in a TRS WCM-like and a Hanweb-like layout, one of them
 * GBK-encoded with a {@code gb2312} declaration, another GBK-encoded with no charset declared anywhere (neither in the
 * header nor in a meta: only detection reads it), one split over three pages, inspection feedback announcements
 * ({@link SampleNotices}: some for units whose report the site serves, some for units whose report is missing),
 * news items that are neither (a 动员会 and a 整改推进会), an anti-bot challenge page, a robots.txt that disallows
 * {@code /private/},
 * ETag / Last-Modified with 304s, and a 429 with Retry-After on the first request of one article. Two reports are
 * published as files under one-line articles (a PDF and a DOCX, {@link ReportFiles}), and one as a scanned PDF with
 * no text at all.
 * Every request is logged with its time. Switches simulate an unreachable site, 500s and stalls, and a
 * {@code /faults/} column links a 20 MB page, a redirect to another host, a page that never answers in
 * time and a page that always fails. A second column, {@link #PLAIN_COLUMN} (信息公开 › 通知公告), is of another markup
 * family that no profile describes — a plain {@code <ul class="list">} with dates in {@code <span>}, paging by
 * {@code createPageHTML} with a variable count, a side bar of hot links, articles in a {@code div.detail} — and
 * holds the samples whose catalog column is {@code tzgg} among ordinary notices and a 动员会 item.
 */
public final class SampleSite implements AutoCloseable {
    /** Column paths. */
    public static final String COLUMN = "/xsxc/index.html";
    public static final String FAULTS = "/faults/index.html";
    public static final String CORPUS = "/corpus/index.html";
    /** The 通知公告 column no profile describes (crawled by URL, as {@code pipeline ingest --url} does). */
    public static final String PLAIN_COLUMN = "/xxgk/tzgg/index.html";
    /** List pages of {@link #PLAIN_COLUMN}: 2 reports, 4 ordinary notices and a 动员会 item, 5 to a page. */
    public static final int PLAIN_COLUMN_PAGES = 2;
    /** The catalog column of the samples {@link #PLAIN_COLUMN} serves. */
    static final String PLAIN_CATALOG_COLUMN = "tzgg";
    /** The article whose report is a scanned PDF without text. */
    public static final String SCANNED = "scanned-report";
    public static final int PER_PAGE = 5;
    /**
     * List pages of the main column ({@link #COLUMN}): 14 reports (2 of them as PDF and DOCX files), a scanned report,
     * 5 feedback notices and 4 other items.
     */
    public static final int COLUMN_PAGES = 5;
    /** The sample report served as GBK bytes without any charset declaration. */
    static final String UNDECLARED_GBK_SAMPLE = "s14_lanxi_county_hospital_2025";
    public static final int HUGE_BYTES = 20 * 1024 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset GBK = Charset.forName("GBK");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** One request as the server saw it. */
    public record Request(Instant at, long nanos, String path, int status, String ifNoneMatch, String ifModifiedSince,
                          String userAgent) {
        public boolean conditional() {
            return ifNoneMatch != null || ifModifiedSince != null;
        }
    }

    private final Map<String, SiteArticle> articles = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Report files made so far, by article name and version. */
    private final Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> column = new ArrayList<>();
    private final List<String> corpusColumn = new ArrayList<>();
    private final List<String> plainColumn = new ArrayList<>();
    private final List<Request> log = new CopyOnWriteArrayList<>();
    /** Requests arrived and not yet logged: a request is logged once its answer has gone out. */
    private final AtomicInteger unlogged = new AtomicInteger();
    private final Set<String> throttleOnce = Collections.synchronizedSet(new HashSet<>());
    private int port;
    private HttpServer server;
    private ExecutorService executor;
    private volatile boolean failWith500;
    private volatile long stallMillis;
    private volatile long faultStallMillis = 3000;
    private String multiPageName;
    private String gbkName;
    private final Set<String> undeclaredGbk = Collections.synchronizedSet(new HashSet<>());
    private String throttledName;

    private SampleSite() {
    }

    /** Starts the site on a free loopback port with every sample report. */
    public static SampleSite start() {
        return start(null);
    }

    /**
     * Starts the site; when {@code corpusReports} is an existing folder, its {@code *.txt} reports are also
     * served in the {@code /corpus/} column.
     */
    public static SampleSite start(Path corpusReports) {
        SampleSite s = new SampleSite();
        s.populate(corpusReports);
        s.listen(0);
        return s;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    // ---- content ------------------------------------------------------------------------------------------

    private void populate(Path corpusReports) {
        List<SampleReports.Sample> samples = SampleReports.all().stream()
                .filter(x -> !x.column().equals(PLAIN_CATALOG_COLUMN)).toList();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        List<SiteArticle> items = new ArrayList<>();
        List<SiteArticle> fileItems = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            SampleReports.Sample s = samples.get(i);
            if (s.servedAsFile()) {
                fileItems.add(fileReport(s, i, base));
                continue;
            }
            SiteArticle.Layout layout = i % 2 == 0 ? SiteArticle.Layout.TRS : SiteArticle.Layout.HANWEB;
            boolean gbk = i == 3;
            int pages = i == 0 ? 3 : 1;
            if (gbk) {
                layout = SiteArticle.Layout.TRS;
            }
            LocalDate d = LocalDate.parse(s.pageDate());
            String path = layout == SiteArticle.Layout.TRS
                    ? String.format("/xsxc/%04d%02d/t%04d%02d%02d_%d.html", d.getYear(), d.getMonthValue(), d.getYear(),
                    d.getMonthValue(), d.getDayOfMonth(), 1000 + i)
                    : String.format("/art/%d/%d/%d/art_1234_%d.html", d.getYear(), d.getMonthValue(), d.getDayOfMonth(), 2000 + i);
            items.add(new SiteArticle(s.name(), path, s.title(), s.title(), s.pageDate(), stripNewline(s.text()), layout, gbk,
                    pages, 1, base.plus(i, ChronoUnit.DAYS), SiteArticle.Kind.REPORT));
            if (i == 0) {
                multiPageName = s.name();
            } else if (i == 1) {
                throttledName = s.name();
                throttleOnce.add(path);
            } else if (gbk) {
                gbkName = s.name();
            } else if (s.name().equals(UNDECLARED_GBK_SAMPLE)) {
                undeclaredGbk.add(path);
            }
        }
        items.add(2, new SiteArticle("noise-mobilisation", "/xsxc/202503/t20250312_9001.html",
                "省委第六巡视组巡视桐溪县工作动员会召开", "省委第六巡视组巡视桐溪县工作动员会召开", "2025-03-12",
                "3月12日，省委第六巡视组巡视桐溪县工作动员会召开。会上，巡视组组长就做好巡视工作作了讲话。\n巡视组将在桐溪县工作约2个月。",
                SiteArticle.Layout.TRS, false, 1, 1, base, SiteArticle.Kind.NOISE));
        items.add(5, new SiteArticle("noise-progress-meeting", "/xsxc/202507/t20250715_9002.html",
                "桐溪县召开巡视整改工作推进会", "桐溪县召开巡视整改工作推进会", "2025-07-15",
                "7月15日，桐溪县召开巡视整改工作推进会。会议通报了省委第六巡视组向县委反馈巡视意见以来的整改进展，"
                        + "对下一阶段整改工作作出部署。\n会议要求，各责任单位要对照整改任务清单逐项抓好落实，确保按期完成整改任务。",
                SiteArticle.Layout.TRS, false, 1, 1, base, SiteArticle.Kind.NOISE));
        items.add(7, new SiteArticle("challenge", "/xsxc/202509/t20250905_9003.html",
                "中共示例区委关于省委巡视整改进展情况的通报", "中共示例区委关于省委巡视整改进展情况的通报", "2025-09-05",
                "", SiteArticle.Layout.TRS, false, 1, 1, base, SiteArticle.Kind.CHALLENGE));
        items.add(9, new SiteArticle("disallowed", "/private/202509/t20250910_9004.html",
                "中共示例县委关于市委巡察整改情况的通报", "中共示例县委关于市委巡察整改情况的通报", "2025-09-10",
                "内部页面。", SiteArticle.Layout.TRS, false, 1, 1, base, SiteArticle.Kind.DISALLOWED));
        // feedback notices next to the reports of their time, then the reports published as files before s09; with
        // them the column has four full pages and a fifth:
        // s01 s02 动员会 s03 n01 | s04 推进会 s05 challenge s06 | n02 disallowed s07 n04 s08 |
        // s15(pdf) scanned s16(docx) s09 n03 | s10 n05 s11 s14
        List<SampleNotices.Notice> notices = SampleNotices.all();
        List<SiteArticle> noticeItems = new ArrayList<>();
        for (int k = 0; k < notices.size(); k++) {
            SampleNotices.Notice n = notices.get(k);
            LocalDate d = LocalDate.parse(n.pageDate());
            boolean hanweb = k == notices.size() - 1;
            String path = hanweb
                    ? String.format("/art/%d/%d/%d/art_1234_%d.html", d.getYear(), d.getMonthValue(), d.getDayOfMonth(), 9101 + k)
                    : String.format("/xsxc/%04d%02d/t%04d%02d%02d_%d.html", d.getYear(), d.getMonthValue(), d.getYear(),
                    d.getMonthValue(), d.getDayOfMonth(), 9101 + k);
            noticeItems.add(new SiteArticle(n.name(), path, n.title(), n.title(), n.pageDate(), stripNewline(n.text()),
                    hanweb ? SiteArticle.Layout.HANWEB : SiteArticle.Layout.TRS, false, 1, 1, base.plus(k, ChronoUnit.HOURS),
                    SiteArticle.Kind.NOTICE));
        }
        // {notice, its index in the column}, by index: each index counts the notices placed before it
        int[][] placement = {{0, 4}, {1, 10}, {3, 13}, {2, 16}, {4, 18}};
        for (int[] p : placement) {
            items.add(Math.min(p[1], items.size()), noticeItems.get(p[0]));
        }
        if (!fileItems.isEmpty()) {
            fileItems.add(Math.min(1, fileItems.size()), scannedReport(base));
        }
        items.addAll(Math.min(15, items.size()), fileItems);
        for (SiteArticle a : items) {
            articles.put(a.name(), a);
            column.add(a.name());
        }
        addPlainColumn(base);
        if (corpusReports != null && Files.isDirectory(corpusReports)) {
            addCorpus(corpusReports, base);
        }
    }

    /** A sample report published as a PDF (TRS layout, link in the body) or a DOCX (Hanweb layout, link below it). */
    private static SiteArticle fileReport(SampleReports.Sample s, int i, Instant base) {
        LocalDate d = LocalDate.parse(s.pageDate());
        boolean pdf = s.servedAs().equals("pdf");
        if (!pdf && !s.servedAs().equals("docx")) {
            throw new IllegalStateException("sample " + s.name() + " is served as '" + s.servedAs() + "'; known: html, pdf, docx");
        }
        String stamp = String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        String path = pdf ? String.format("/xsxc/%s/t%s_%d.html", stamp.substring(0, 6), stamp, 1000 + i)
                : String.format("/art/%d/%d/%d/art_1234_%d.html", d.getYear(), d.getMonthValue(), d.getDayOfMonth(), 2000 + i);
        SiteArticle.ReportFile file = pdf
                ? new SiteArticle.ReportFile("/xsxc/" + stamp.substring(0, 6) + "/P0" + stamp + "3817263549" + i + ".pdf",
                s.title() + ".pdf", SiteArticle.Format.PDF)
                : new SiteArticle.ReportFile("/attach/0/" + stamp + "0935" + (1000 + i) + ".docx", s.title() + ".docx",
                SiteArticle.Format.DOCX);
        return new SiteArticle(s.name(), path, s.title(), s.title(), s.pageDate(), stripNewline(s.text()),
                pdf ? SiteArticle.Layout.TRS : SiteArticle.Layout.HANWEB, false, 1, 1, base.plus(i, ChronoUnit.DAYS),
                SiteArticle.Kind.REPORT, file);
    }

    /** A report published only as a scanned PDF: a crawler can count it, not read it. */
    private static SiteArticle scannedReport(Instant base) {
        String title = "中共青石县委关于市委巡察整改情况的通报";
        return new SiteArticle(SCANNED, "/xsxc/202510/t20251020_9005.html", title, title, "2025-10-20", "",
                SiteArticle.Layout.TRS, false, 1, 1, base, SiteArticle.Kind.SCANNED,
                new SiteArticle.ReportFile("/xsxc/202510/P020251020510293847561.pdf", title + ".pdf", SiteArticle.Format.SCANNED_PDF));
    }

    /**
     * The 通知公告 column, newest first: 征集 notice, 抽查 notice, s13 (its list title cut short), 权责清单 notice,
     * 春节 notice | s12, the 动员会 of s13's inspection.
     */
    private void addPlainColumn(Instant base) {
        Map<String, SampleReports.Sample> reports = new LinkedHashMap<>();
        SampleReports.all().stream().filter(x -> x.column().equals(PLAIN_CATALOG_COLUMN)).forEach(x -> reports.put(x.name(), x));
        List<SiteArticle> items = new ArrayList<>();
        items.add(plainItem("notice-projects", 3001, "关于征集2027年民生实事项目的公告", "2026-11-20",
                "为科学谋划2027年民生实事项目，现面向社会公开征集项目建议。\n征集时间为即日起至12月20日，建议可通过电子邮件或信函方式提交。"));
        items.add(plainItem("notice-inspection", 3002, "关于开展2026年度“双随机、一公开”抽查工作的通知", "2026-08-05",
                "各有关单位：\n根据年度工作安排，现就开展2026年度“双随机、一公开”抽查工作有关事项通知如下。"));
        items.add(null); // the first report
        items.add(plainItem("notice-powers", 3004, "关于公布2025年度部门权责清单的公告", "2026-01-16",
                "根据有关规定，现将2025年度市直部门权责清单予以公布，接受社会监督。"));
        items.add(plainItem("notice-holiday", 3005, "关于做好2026年元旦春节期间有关工作的通知", "2025-12-20",
                "各区县人民政府，市直各单位：\n元旦春节将至，为确保节日期间各项工作平稳有序，现将有关事项通知如下。"));
        items.add(null); // the second report
        items.add(new SiteArticle("noise-tzgg-mobilisation", "/xxgk/tzgg/show-3007.html",
                "市委第二巡察组巡察柏港市人民医院党委工作动员会召开", "市委第二巡察组巡察柏港市人民医院党委工作动员会召开",
                "2025-11-04", "11月3日，市委第二巡察组巡察柏港市人民医院党委工作动员会召开。巡察组组长就做好巡察工作作了讲话。",
                SiteArticle.Layout.PLAIN, false, 1, 1, base, SiteArticle.Kind.NOISE));
        List<SampleReports.Sample> ordered = reports.values().stream()
                .sorted((x, y) -> y.pageDate().compareTo(x.pageDate())).toList();
        int next = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                SampleReports.Sample r = ordered.get(next++);
                // the newer report's list title is cut short, as real lists print long titles
                String listTitle = next == 1 ? r.title().substring(0, Math.min(r.title().length(), 28)) + "…" : r.title();
                items.set(i, new SiteArticle(r.name(), "/xxgk/tzgg/show-" + (3001 + i) + ".html", r.title(), listTitle,
                        r.pageDate(), stripNewline(r.text()), SiteArticle.Layout.PLAIN, false, 1, 1,
                        base.plus(20 + i, ChronoUnit.DAYS), SiteArticle.Kind.REPORT));
            }
        }
        if (next != ordered.size()) {
            throw new IllegalStateException("the 通知公告 column has places for " + next + " reports, the catalog gives "
                    + ordered.size());
        }
        for (SiteArticle a : items) {
            articles.put(a.name(), a);
            plainColumn.add(a.name());
        }
    }

    private static SiteArticle plainItem(String name, int id, String title, String date, String text) {
        return new SiteArticle(name, "/xxgk/tzgg/show-" + id + ".html", title, title, date, text, SiteArticle.Layout.PLAIN,
                false, 1, 1, Instant.parse("2025-01-01T00:00:00Z"), SiteArticle.Kind.NOISE);
    }

    private void addCorpus(Path dir, Instant base) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        int i = 0;
        for (Path f : files) {
            String text;
            try {
                text = stripNewline(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            String first = text.lines().findFirst().orElse("");
            String title = first.contains("关于") && first.endsWith("通报") ? first : "语料样本" + (i + 1) + "关于巡视整改情况的通报";
            String name = "corpus-" + f.getFileName().toString().replace(".txt", "");
            String path = String.format("/corpus/202401/t202401%02d_%d.html", i + 1, 5000 + i);
            articles.put(name, new SiteArticle(name, path, title, title, String.format("2024-01-%02d", i + 1), text,
                    SiteArticle.Layout.TRS, false, 1, 1, base, SiteArticle.Kind.REPORT));
            corpusColumn.add(name);
            i++;
        }
    }

    private static String stripNewline(String text) {
        String t = text.replace("\r\n", "\n");
        while (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** Every article served, in list order. */
    public List<SiteArticle> articles() {
        return List.copyOf(articles.values());
    }

    public SiteArticle article(String name) {
        SiteArticle a = articles.get(name);
        if (a == null) {
            throw new IllegalArgumentException("the sample site has no article " + name + "; known: " + articles.keySet());
        }
        return a;
    }

    /** The report articles of the main column (what a crawler must publish). */
    public List<SiteArticle> reports() {
        return column.stream().map(articles::get).filter(a -> a.kind() == SiteArticle.Kind.REPORT).toList();
    }

    /** The reports of the main column published as files (PDF, DOCX) under one-line articles; in {@link #reports()} too. */
    public List<SiteArticle> fileReports() {
        return reports().stream().filter(a -> a.file() != null).toList();
    }

    /** The URL of the file an article links (its report as a PDF or DOCX). */
    public String fileUrlOf(String name) {
        SiteArticle a = article(name);
        if (a.file() == null) {
            throw new IllegalArgumentException("the sample site's article " + name + " links no report file");
        }
        return url() + a.file().path();
    }

    /** The bytes of the file an article links, as the site serves them now. */
    public byte[] fileOf(String name) {
        SiteArticle a = article(name);
        return files.computeIfAbsent(a.name() + "#" + a.version(), k -> ReportFiles.of(a));
    }

    /** The inspection feedback announcements of the main column (a crawler publishes them as feedback notices). */
    public List<SiteArticle> notices() {
        return column.stream().map(articles::get).filter(a -> a.kind() == SiteArticle.Kind.NOTICE).toList();
    }

    /** The report articles of the {@link #PLAIN_COLUMN} column (a crawler without a profile must publish them). */
    public List<SiteArticle> plainReports() {
        return plainColumn.stream().map(articles::get).filter(a -> a.kind() == SiteArticle.Kind.REPORT).toList();
    }

    /** Every item of the {@link #PLAIN_COLUMN} column, in list order. */
    public List<SiteArticle> plainColumn() {
        return plainColumn.stream().map(articles::get).toList();
    }

    /** List pages of the main column. */
    public int columnPages() {
        return Math.max(1, (column.size() + PER_PAGE - 1) / PER_PAGE);
    }

    public List<SiteArticle> corpusReports() {
        return corpusColumn.stream().map(articles::get).toList();
    }

    public String multiPageArticle() {
        return multiPageName;
    }

    public String gbkArticle() {
        return gbkName;
    }

    /** The report served as GBK bytes with no charset in the header and no meta declaration. */
    public String undeclaredGbkArticle() {
        return UNDECLARED_GBK_SAMPLE;
    }

    /** The article whose first request is answered 429 with Retry-After: 1. */
    public String throttledArticle() {
        return throttledName;
    }

    public String urlOf(String name) {
        return url() + article(name).path();
    }

    /** Replaces an article's text; its ETag and Last-Modified change with it. */
    public void editArticle(String name, String newText) {
        SiteArticle a = article(name);
        articles.put(name, a.edited(stripNewline(newText), Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)));
    }

    // ---- faults -------------------------------------------------------------------------------------------

    /** Makes the site unreachable (connection refused) or brings it back on the same port. */
    public synchronized void setDown(boolean down) {
        if (down && server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        } else if (!down && server == null) {
            listen(port);
        }
    }

    public void setFailWith500(boolean fail) {
        failWith500 = fail;
    }

    /** Delays every answer by this many milliseconds. */
    public void setStallMillis(long millis) {
        stallMillis = millis;
    }

    /** How long {@code /faults/slow.html} waits before answering (default 3 s). */
    public void setFaultStallMillis(long millis) {
        faultStallMillis = millis;
    }

    // ---- request log --------------------------------------------------------------------------------------

    public List<Request> requests() {
        awaitLogged();
        return List.copyOf(log);
    }

    public List<Request> requests(String path) {
        awaitLogged();
        return log.stream().filter(r -> r.path().equals(path)).toList();
    }

    /**
     * A client has the whole answer a moment before the server thread logs its request: waits until every request that
     * has arrived is logged, so a caller that just got its answers sees them all. At most 2 s: a request the site is
     * told to stall for longer (a fault a test set up) is left out until its answer has gone.
     */
    private void awaitLogged() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (unlogged.get() > 0 && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            sleep(1);
        }
    }

    public void clearLog() {
        log.clear();
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------

    private synchronized void listen(int wanted) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
            executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "sample-site");
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(executor);
            s.createContext("/", this::handle);
            s.start();
            server = s;
            port = s.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sample site on 127.0.0.1:" + wanted + ": " + e.getMessage(), e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        unlogged.incrementAndGet();
        try {
            answerAndLog(ex);
        } finally {
            unlogged.decrementAndGet();
        }
    }

    private void answerAndLog(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
        String ua = ex.getRequestHeaders().getFirst("User-Agent");
        Instant at = Instant.now();
        long nanos = System.nanoTime();
        int status;
        try {
            if (stallMillis > 0) {
                sleep(stallMillis);
            }
            status = route(ex, path, inm, ims);
        } catch (IOException e) {
            status = -1; // the client went away (e.g. stopped reading a huge page)
        } finally {
            ex.close();
        }
        log.add(new Request(at, nanos, path, status, inm, ims, ua));
    }

    private int route(HttpExchange ex, String path, String inm, String ims) throws IOException {
        if (path.equals("/robots.txt")) {
            return send(ex, 200, "text/plain; charset=utf-8", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
        }
        if (failWith500) {
            return send(ex, 500, "text/html; charset=utf-8", "<html><body>服务器错误</body></html>".getBytes(StandardCharsets.UTF_8));
        }
        if (path.equals("/") || path.equals("/xsxc/") || path.matches("/xsxc/index(_\\d+)?\\.html")) {
            return sendList(ex, path, column, "巡视巡察");
        }
        if (path.equals("/xxgk/tzgg/") || path.matches("/xxgk/tzgg/index(_\\d+)?\\.html")) {
            return sendPlainList(ex, path);
        }
        if (path.equals(CORPUS)) {
            return sendHtml(ex, SitePages.list("语料", corpusReports(), 0, 1), false);
        }
        if (path.startsWith("/faults/")) {
            return fault(ex, path);
        }
        if (throttleOnce.remove(path)) {
            ex.getResponseHeaders().set("Retry-After", "1");
            return send(ex, 429, "text/html; charset=utf-8", "<html><body>请求过于频繁</body></html>".getBytes(StandardCharsets.UTF_8));
        }
        for (SiteArticle a : articles.values()) {
            if (a.file() != null && a.file().path().equals(path)) {
                ex.getResponseHeaders().set("ETag", a.etag());
                ex.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(ZonedDateTime.ofInstant(a.lastModified(), ZoneOffset.UTC)));
                return send(ex, 200, a.file().format().contentType(), fileOf(a.name()));
            }
        }
        for (SiteArticle a : articles.values()) {
            int page = pageOf(a, path);
            if (page < 0) {
                continue;
            }
            if (a.kind() == SiteArticle.Kind.CHALLENGE) {
                return sendHtml(ex, SitePages.challenge(), false);
            }
            String lastModified = HTTP_DATE.format(ZonedDateTime.ofInstant(a.lastModified(), ZoneOffset.UTC));
            if (notModified(a, inm, ims)) {
                ex.getResponseHeaders().set("ETag", a.etag());
                ex.getResponseHeaders().set("Last-Modified", lastModified);
                ex.sendResponseHeaders(304, -1);
                return 304;
            }
            ex.getResponseHeaders().set("ETag", a.etag());
            ex.getResponseHeaders().set("Last-Modified", lastModified);
            if (undeclaredGbk.contains(a.path())) {
                return send(ex, 200, "text/html", SitePages.withoutCharsetDeclaration(render(a, page)).getBytes(GBK));
            }
            return sendHtml(ex, render(a, page), a.gbk());
        }
        return send(ex, 404, "text/html; charset=utf-8", "<html><body>页面不存在</body></html>".getBytes(StandardCharsets.UTF_8));
    }

    private static boolean notModified(SiteArticle a, String inm, String ims) {
        if (inm != null) {
            return Arrays.stream(inm.split(",")).map(String::trim).anyMatch(t -> t.equals(a.etag()) || t.equals("*"));
        }
        if (ims != null) {
            try {
                Instant since = ZonedDateTime.parse(ims, HTTP_DATE).toInstant();
                return !a.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    /** 0 for the article's first page, k for its {@code _k} continuation page, -1 when the path is another article's. */
    private static int pageOf(SiteArticle a, String path) {
        if (a.path().equals(path)) {
            return 0;
        }
        if (a.pages() > 1) {
            String stem = a.path().substring(0, a.path().length() - ".html".length());
            for (int k = 1; k < a.pages(); k++) {
                if (path.equals(stem + "_" + k + ".html")) {
                    return k;
                }
            }
        }
        return -1;
    }

    private static String render(SiteArticle a, int page) {
        List<String> lines = a.text().lines().toList();
        List<String> part = lines;
        if (a.pages() > 1) {
            int per = (lines.size() + a.pages() - 1) / a.pages();
            part = lines.subList(Math.min(lines.size(), page * per), Math.min(lines.size(), (page + 1) * per));
        }
        if (a.file() != null) {
            String href = a.layout() == SiteArticle.Layout.TRS
                    ? "./" + a.file().path().substring(a.file().path().lastIndexOf('/') + 1) : a.file().path();
            return SitePages.fileArticle(a, href);
        }
        if (a.layout() == SiteArticle.Layout.HANWEB) {
            return SitePages.hanweb(a, part);
        }
        if (a.layout() == SiteArticle.Layout.PLAIN) {
            return SitePages.plain(a, part);
        }
        String file = a.path().substring(a.path().lastIndexOf('/') + 1);
        String baseName = file.substring(0, file.length() - ".html".length());
        String attachment = a.pages() > 1 ? "./P0" + baseName.substring(1) + "_1.pdf" : null;
        return SitePages.trs(a, part, page, baseName, page == 0 ? attachment : null);
    }

    private int sendList(HttpExchange ex, String path, List<String> names, String title) throws IOException {
        int page = 0;
        var m = java.util.regex.Pattern.compile("index_(\\d+)\\.html").matcher(path);
        if (m.find()) {
            page = Integer.parseInt(m.group(1));
        }
        int total = Math.max(1, (names.size() + PER_PAGE - 1) / PER_PAGE);
        if (page >= total) {
            return send(ex, 404, "text/html; charset=utf-8", "<html><body>页面不存在</body></html>".getBytes(StandardCharsets.UTF_8));
        }
        List<SiteArticle> items = names.subList(page * PER_PAGE, Math.min(names.size(), (page + 1) * PER_PAGE)).stream()
                .map(articles::get).toList();
        return sendHtml(ex, SitePages.list(title, items, page, total), false);
    }

    private int sendPlainList(HttpExchange ex, String path) throws IOException {
        var m = java.util.regex.Pattern.compile("index_(\\d+)\\.html").matcher(path);
        int page = m.find() ? Integer.parseInt(m.group(1)) : 0;
        int total = Math.max(1, (plainColumn.size() + PER_PAGE - 1) / PER_PAGE);
        if (page >= total) {
            return send(ex, 404, "text/html; charset=utf-8", "<html><body>页面不存在</body></html>".getBytes(StandardCharsets.UTF_8));
        }
        List<SiteArticle> items = plainColumn.subList(page * PER_PAGE, Math.min(plainColumn.size(), (page + 1) * PER_PAGE))
                .stream().map(articles::get).toList();
        // the side bar's hot links: two reports of the main column and a notice of this one
        List<SiteArticle> hot = new ArrayList<>(reports().subList(0, 2));
        hot.add(articles.get(plainColumn.get(0)));
        return sendHtml(ex, SitePages.plainList("通知公告", items, hot, page, total), false);
    }

    private int fault(HttpExchange ex, String path) throws IOException {
        switch (path) {
            case FAULTS -> {
                List<SiteArticle> items = new ArrayList<>();
                String t = "中共故障区委关于巡视整改情况的通报";
                items.add(new SiteArticle("huge", "/faults/huge.html", t + "（一）", t + "（一）", "2025-10-01", "", SiteArticle.Layout.TRS, false, 1, 1, Instant.EPOCH, SiteArticle.Kind.REPORT));
                items.add(new SiteArticle("redirect", "/faults/redirect.html", t + "（二）", t + "（二）", "2025-10-02", "", SiteArticle.Layout.TRS, false, 1, 1, Instant.EPOCH, SiteArticle.Kind.REPORT));
                items.add(new SiteArticle("slow", "/faults/slow.html", t + "（三）", t + "（三）", "2025-10-03", "", SiteArticle.Layout.TRS, false, 1, 1, Instant.EPOCH, SiteArticle.Kind.REPORT));
                items.add(new SiteArticle("error", "/faults/error.html", t + "（四）", t + "（四）", "2025-10-04", "", SiteArticle.Layout.TRS, false, 1, 1, Instant.EPOCH, SiteArticle.Kind.REPORT));
                for (SiteArticle a : reports().subList(reports().size() - 2, reports().size())) {
                    items.add(a);
                }
                return sendHtml(ex, SitePages.list("故障", items, 0, 1), false);
            }
            case "/faults/huge.html" -> {
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, 0); // chunked: the size is only known by reading
                byte[] chunk = "<p>巡视整改情况填充内容巡视整改情况填充内容巡视整改情况填充内容</p>\n".repeat(512).getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = ex.getResponseBody()) {
                    long sent = 0;
                    while (sent < HUGE_BYTES) {
                        out.write(chunk);
                        sent += chunk.length;
                    }
                }
                return 200;
            }
            case "/faults/redirect.html" -> {
                ex.getResponseHeaders().set("Location", "http://localhost:" + port + "/xsxc/index.html");
                ex.sendResponseHeaders(302, -1);
                return 302;
            }
            case "/faults/slow.html" -> {
                sleep(faultStallMillis);
                return sendHtml(ex, SitePages.challenge(), false);
            }
            case "/faults/error.html" -> {
                return send(ex, 500, "text/html; charset=utf-8", "<html><body>服务器错误</body></html>".getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                return send(ex, 404, "text/html; charset=utf-8", new byte[0]);
            }
        }
    }

    private static int sendHtml(HttpExchange ex, String html, boolean gbk) throws IOException {
        // The GBK page declares its charset only in the <meta>, like the old provincial sites.
        return gbk ? send(ex, 200, "text/html", html.getBytes(GB18030))
                : send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static int send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
