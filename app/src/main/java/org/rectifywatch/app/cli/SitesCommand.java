package org.rectifywatch.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.SiteProfiles;
import org.rectifywatch.ingest.sites.SiteEntry;
import org.rectifywatch.ingest.sites.SiteImport;
import org.rectifywatch.ingest.sites.SiteList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pipeline sites add|remove|list|import}: the site list that {@code pipeline ingest --site-list} instances share,
 * kept in the compacted {@code crawl.sites} topic (one record per host with its columns).
 */
@Command(name = "sites", mixinStandardHelpOptions = true,
        description = "Keeps the site list crawled by `pipeline ingest --site-list` (topic crawl.sites, one record per host). "
                + "A column is a URL, read by the generic rules or by a profile of the profiles file (a CMS family), "
                + "optionally with its own poll interval.",
        subcommands = {SitesCommand.Add.class, SitesCommand.Remove.class, SitesCommand.ListSites.class, SitesCommand.Import.class})
public final class SitesCommand implements Callable<Integer> {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers (kafka.bootstrap).", scope = picocli.CommandLine.ScopeType.INHERIT)
    String bootstrap;

    @Option(names = "--profiles", paramLabel = "FILE", description = "Profiles file replacing the shipped one (ingest.profiles).",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    Path profiles;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        System.err.println("pipeline sites: name a subcommand: add, remove, list or import");
        return 2;
    }

    IngestConfig config() {
        return IngestConfig.from(options.source("kafka.bootstrap", bootstrap, "ingest.profiles", profiles));
    }

    Set<String> profileNames(IngestConfig config) {
        List<SiteProfile> all = config.profilesFile() == null ? SiteProfiles.shipped() : SiteProfiles.load(config.profilesFile());
        return all.stream().map(SiteProfile::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Adds the columns to the list as it stands (a column already there gets the new profile and poll interval). */
    int merge(List<SiteEntry.Column> columns, IngestConfig config) {
        Map<String, SiteEntry> sites = SiteList.read(config.kafka(), READ_TIMEOUT);
        Map<String, SiteEntry> changed = new LinkedHashMap<>();
        for (SiteEntry.Column c : columns) {
            String host = SiteEntry.hostOf(c.url());
            SiteEntry before = changed.getOrDefault(host, sites.getOrDefault(host, new SiteEntry(host, List.of())));
            changed.put(host, before.with(c));
        }
        SiteList.write(config.kafka(), changed.values());
        return changed.size();
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a column URL to the site list (or changes its profile or poll interval).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        SitesCommand parent;

        @Parameters(index = "0", paramLabel = "URL", description = "The column's first list page.")
        String url;

        @Option(names = "--profile", paramLabel = "NAME", description = "The profile (CMS family) that reads it; default: the generic rules.")
        String profile;

        @Option(names = "--poll", paramLabel = "DURATION", description = "Its poll interval, e.g. 30m or 6h; default: the profile's.")
        String poll;

        @Override
        public Integer call() {
            IngestConfig config = parent.config();
            SiteEntry.Column c = SiteImport.column(new String[] {url, profile == null ? "" : profile, poll == null ? "" : poll},
                    parent.profileNames(config));
            parent.merge(List.of(c), config);
            System.out.println("site list: " + c.url() + " added to " + SiteEntry.hostOf(c.url()));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Removes a column URL, or a whole host (HOST or HOST:PORT), from the site list.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        SitesCommand parent;

        @Parameters(index = "0", paramLabel = "URL|HOST")
        String what;

        @Override
        public Integer call() {
            IngestConfig config = parent.config();
            Map<String, SiteEntry> sites = SiteList.read(config.kafka(), READ_TIMEOUT);
            boolean isUrl = what.contains("://");
            String host = isUrl ? SiteEntry.hostOf(what) : what.strip().toLowerCase(java.util.Locale.ROOT);
            SiteEntry site = sites.get(host);
            if (site == null || isUrl && site.columns().stream().noneMatch(c -> c.url().equals(what.strip()))) {
                System.err.println("pipeline sites remove: " + what + " is not in the site list (see pipeline sites list)");
                return 1;
            }
            SiteEntry after = isUrl ? site.without(what) : new SiteEntry(host, List.of());
            SiteList.write(config.kafka(), List.of(after));
            System.out.println("site list: " + what + " removed" + (after.columns().isEmpty() ? " (host " + host + " left the list)" : ""));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Prints the site list: host, column URL, profile, poll interval.")
    static final class ListSites implements Callable<Integer> {
        @ParentCommand
        SitesCommand parent;

        @Override
        public Integer call() {
            Map<String, SiteEntry> sites = SiteList.read(parent.config().kafka(), READ_TIMEOUT);
            int columns = 0;
            for (SiteEntry s : sites.values()) {
                for (SiteEntry.Column c : s.columns()) {
                    System.out.println(s.host() + "\t" + c.url() + "\t" + (c.profile() == null ? "generic" : c.profile()) + "\t"
                            + (c.poll() == null ? "-" : c.poll()));
                    columns++;
                }
            }
            System.out.println(sites.size() + " hosts, " + columns + " columns");
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Adds the columns of FILE: one per line, URL[,PROFILE[,POLL]] (commas or tabs, CSV works; # comments "
                    + "and a header line starting with 'url' are passed over). Nothing is imported while a line is bad.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        SitesCommand parent;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            IngestConfig config = parent.config();
            List<SiteEntry.Column> columns = new ArrayList<>(SiteImport.read(file, parent.profileNames(config)));
            int hosts = parent.merge(columns, config);
            System.out.println("site list: " + columns.size() + " columns of " + file + " imported on " + hosts + " hosts");
            return 0;
        }
    }
}
