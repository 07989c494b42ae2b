package org.rectifywatch.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.crawl.Crawler;
import org.rectifywatch.ingest.crawl.PassSummary;
import org.rectifywatch.ingest.crawl.SharedCrawl;
import org.rectifywatch.ingest.sites.SiteProfilesOf;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.SiteProfiles;
import org.rectifywatch.ingest.profile.UrlProfiles;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.ingest.publish.LocalFiles;
import org.rectifywatch.ingest.publish.ReportPublisher;
import org.rectifywatch.ingest.state.CrawlStateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pipeline ingest}: the crawler-producer (continuous, one pass, backfill) and {@code ingest files}. With
 * {@code --url} it crawls those columns with profiles built from the URLs instead of the profiles file.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Crawls the sites of the profiles and publishes new or changed reports to reports.raw. "
                + "Runs continuously (each profile at its poll_interval) unless --once or --backfill is given. "
                + "With --url it crawls those column pages without a profile (generic list, pagination and article rules). "
                + "Every setting is also read from RECTIFY_<KEY> environment variables (e.g. RECTIFY_INGEST_HOST_DELAY).",
        subcommands = IngestCommand.Files.class)
public final class IngestCommand implements Callable<Integer> {

    @Option(names = "--once", description = "Run one pass over every enabled profile, print the summary and exit.")
    boolean once;

    @Option(names = "--backfill", arity = "0..1", fallbackValue = "0", paramLabel = "N",
            description = "Walk N list pages deep in one pass and exit (no N: each profile's backfill_depth).")
    Integer backfill;

    @Option(names = "--profiles", paramLabel = "FILE", description = "Profiles file replacing the shipped one (ingest.profiles).")
    Path profiles;

    @Option(names = "--site", paramLabel = "NAME", description = "Crawl only these profiles (repeatable).")
    List<String> sites = new ArrayList<>();

    @Option(names = "--url", paramLabel = "URL",
            description = "Crawl this column (its first list page) without a profile, instead of the profiles (repeatable): "
                    + "a profile named after the host, allowed only that host, with the generic list, pagination and article "
                    + "rules, is built from it.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--max-pages", paramLabel = "N",
            description = "List pages a --url column walk follows per pass (" + UrlProfiles.MAX_PAGES_KEY + ", default "
                    + UrlProfiles.DEFAULT_MAX_PAGES + ").")
    Integer maxPages;

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers (kafka.bootstrap).")
    String bootstrap;

    @Option(names = "--workers", paramLabel = "N",
            description = "Hosts crawled side by side, each by one worker at a time with its own politeness (ingest.workers, default 8).")
    Integer workers;

    @Option(names = "--site-list",
            description = "Crawl the sites of the site list (pipeline sites …, topic crawl.sites) continuously, sharing them with "
                    + "the other instances of the consumer group ingest.group: each host is crawled by one instance at a time, "
                    + "and a stopped instance's hosts move to the others. Profiles named by the sites come from --profiles or "
                    + "the shipped file.")
    boolean siteList;

    @Mixin
    ConfigOptions options;

    private ConfigSource source() {
        return options.source("kafka.bootstrap", bootstrap, "ingest.profiles", profiles, UrlProfiles.MAX_PAGES_KEY, maxPages,
                "ingest.workers", workers);
    }

    IngestConfig config() {
        return IngestConfig.from(source());
    }

    List<SiteProfile> profiles(IngestConfig config) {
        if (!urls.isEmpty()) {
            if (!sites.isEmpty() || profiles != null) {
                throw new IllegalArgumentException("--url crawls columns without a profile; it does not go with --site or --profiles");
            }
            return UrlProfiles.of(urls, source().integer(UrlProfiles.MAX_PAGES_KEY, UrlProfiles.DEFAULT_MAX_PAGES));
        }
        List<SiteProfile> all = config.profilesFile() == null ? SiteProfiles.shipped() : SiteProfiles.load(config.profilesFile());
        if (sites.isEmpty()) {
            return all;
        }
        List<SiteProfile> chosen = all.stream().filter(p -> sites.contains(p.name())).toList();
        if (chosen.size() != sites.size()) {
            throw new IllegalArgumentException("unknown profile in --site " + sites + "; known: "
                    + all.stream().map(SiteProfile::name).toList());
        }
        return chosen;
    }

    @Override
    public Integer call() throws InterruptedException {
        IngestConfig config = config();
        if (siteList) {
            return crawlSiteList(config);
        }
        Crawler crawler = new Crawler(config, profiles(config));
        if (once || backfill != null) {
            try (crawler) {
                PassSummary s = backfill != null ? crawler.backfill(backfill) : crawler.runOnce();
                System.out.println(s.line());
                return 0;
            }
        }
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            crawler.close();
            main.interrupt();
        }, "ingest-stop"));
        crawler.runContinuously();
        return 0;
    }

    private int crawlSiteList(IngestConfig config) {
        if (once || backfill != null || !urls.isEmpty() || !sites.isEmpty()) {
            throw new IllegalArgumentException("--site-list crawls continuously the sites of the site list; it does not go with "
                    + "--once, --backfill, --url or --site");
        }
        List<SiteProfile> templates = config.profilesFile() == null ? SiteProfiles.shipped() : SiteProfiles.load(config.profilesFile());
        Crawler crawler = Crawler.forSiteList(config);
        SharedCrawl shared = new SharedCrawl(crawler, new SiteProfilesOf(templates,
                source().integer(UrlProfiles.MAX_PAGES_KEY, UrlProfiles.DEFAULT_MAX_PAGES)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shared.close();
            crawler.close();
        }, "ingest-stop"));
        shared.run();
        return 0;
    }

    /** {@code pipeline ingest files PATH...}: publish local text/HTML files (directories are walked). */
    @Command(name = "files", mixinStandardHelpOptions = true,
            description = {"Publishes local .txt/.html files (or folders of them) to reports.raw, keyed by path: "
                    + "file:<name of the PATH>/<path below it>, with / as separator (a file PATH: file:<its name>). "
                    + "An edited file is a new version of the same report; unchanged files are not published again.",
                    "A file that cannot be read, decoded or published (e.g. larger than reports.raw accepts) is skipped "
                            + "with its path and reason; the run goes on. Exit 2 when any file was skipped."})
    static final class Files implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        IngestCommand parent;

        @Option(names = "--key", paramLabel = "NAME",
                description = "Use NAME instead of the PATH's own name in the keys (one PATH only): file:NAME for a file, "
                        + "file:NAME/<path below it> for a folder. Keeps the keys when a file or folder is renamed or moved.")
        String key;

        @Parameters(arity = "1..*", paramLabel = "PATH")
        List<Path> paths;

        @Override
        public Integer call() {
            if (key != null && paths.size() != 1) {
                throw new IllegalArgumentException("--key applies to one PATH only; publish the others in their own run");
            }
            IngestConfig config = parent.config();
            CrawlStateStore state = CrawlStateStore.load(config.kafka(), config.stateLoadTimeout());
            try (ReportPublisher publisher = new ReportPublisher(config.kafka())) {
                LocalFiles.Result r = LocalFiles.publish(paths, key, publisher, state);
                System.out.println(r.line());
                return r.skips().isEmpty() ? 0 : 2;
            } catch (ReportPublisher.PublishException e) {
                System.err.println("pipeline ingest files: " + e.getMessage());
                return 1;
            }
        }
    }
}
