package org.rectifywatch.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.extract.PageInspector;
import org.rectifywatch.ingest.extract.PageView;
import org.rectifywatch.ingest.fetch.AllowList;
import org.rectifywatch.ingest.fetch.FetchOutcome;
import org.rectifywatch.ingest.fetch.HttpFetcher;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.SiteProfiles;
import org.rectifywatch.ingest.profile.UrlProfiles;
import org.rectifywatch.model.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipeline extract FILE…|URL}: each page as the crawler sees it, one JSON object per line. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Shows a page as the crawler sees it, one JSON object per page: kind (article, list, challenge, "
                + "feedback_notice, not_a_report), title, published, body, attachments, links, next_pages, charset and "
                + "the reasons. The tool for writing and checking a site profile; a URL is fetched once, politely, "
                + "only from a profile's allowed_hosts (a URL no profile allows is read as pipeline ingest --url reads it: "
                + "generic rules, only its own host).")
public final class ExtractCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|URL", arity = "1..*",
            description = "Saved pages (read as raw bytes, decoded as the crawler decodes) or http(s) URLs (fetched once).")
    List<String> inputs;

    @Option(names = "--url", paramLabel = "URL",
            description = "The address of a saved FILE: resolves its relative links and chooses its profile (default: its file: URI).")
    String url;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Profile to read the page with (default: the profile whose allowed_hosts and start_urls fit the "
                    + "address best, else the built-in selectors). 'sample' is the loopback sample site's profile.")
    String profileName;

    @Option(names = "--profiles", paramLabel = "FILE", description = "Profiles file replacing the shipped one (ingest.profiles).")
    Path profilesFile;

    @Option(names = "--pretty", description = "Indented JSON instead of one object per line.")
    boolean pretty;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        if (url != null && inputs.size() != 1) {
            throw new IllegalArgumentException("--url names the address of one saved page; give exactly one FILE with it");
        }
        if (url != null && isUrl(inputs.get(0))) {
            throw new IllegalArgumentException("--url is for a saved FILE; " + inputs.get(0) + " is fetched from its own address");
        }
        IngestConfig config = IngestConfig.from(options.source("ingest.profiles", profilesFile));
        List<SiteProfile> profiles = config.profilesFile() == null ? SiteProfiles.shipped() : SiteProfiles.load(config.profilesFile());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int failures = 0;
        HttpFetcher fetcher = null;
        try {
            for (String input : inputs) {
                PageView view;
                if (isUrl(input)) {
                    SiteProfile profile = profile(input, profiles);
                    if (profile == null) {
                        // no profile allows the host: read it as `pipeline ingest --url` would (generic rules, its own host)
                        profile = UrlProfiles.of(input, UrlProfiles.DEFAULT_MAX_PAGES);
                    }
                    if (fetcher == null) {
                        fetcher = new HttpFetcher(config);
                    }
                    FetchOutcome o = fetcher.get(input, null, null, new AllowList(profile.allowedHosts()));
                    if (!o.isOk()) {
                        System.err.println("extract: " + input + " not fetched: " + o.reason().label() + " (" + o.detail() + ")");
                        failures++;
                        continue;
                    }
                    view = PageInspector.inspect(o.body(), o.contentType(), o.finalUrl(), profile, config.minPageBytes());
                } else {
                    Path file = Path.of(input);
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(file);
                    } catch (IOException e) {
                        System.err.println("extract: cannot read " + file + " (" + e.getClass().getSimpleName() + ": "
                                + e.getMessage() + "); check the path and permissions");
                        failures++;
                        continue;
                    }
                    String address = url != null ? url : file.toAbsolutePath().toUri().toString();
                    SiteProfile profile = profile(address, profiles);
                    if (profile == null && url != null && isUrl(url)) {
                        // a saved page of a site no profile allows: read as `pipeline ingest --url` reads its address
                        profile = UrlProfiles.of(url, UrlProfiles.DEFAULT_MAX_PAGES);
                    }
                    view = PageInspector.inspect(bytes, null, address, profile, config.minPageBytes());
                }
                view = view.withSource(input);
                out.println(pretty ? Json.writePretty(view) : Json.write(view));
            }
        } finally {
            if (fetcher != null) {
                fetcher.close();
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** The --profile named, else the best fit for the address, else null (the built-in selectors). */
    SiteProfile profile(String address, List<SiteProfile> profiles) {
        if (profileName == null) {
            return PageInspector.profileFor(address, profiles).orElse(null);
        }
        Optional<SiteProfile> named = profiles.stream().filter(p -> p.name().equals(profileName)).findFirst();
        if (named.isPresent()) {
            return named.get();
        }
        if (profileName.equals(SampleSiteProfile.NAME)) {
            URI u = URI.create(address);
            if (u.getHost() == null) {
                throw new IllegalArgumentException("--profile sample needs the sample site's address; give --url http://127.0.0.1:PORT/…");
            }
            return SampleSiteProfile.of(u.getScheme() + "://" + u.getRawAuthority());
        }
        throw new IllegalArgumentException("unknown profile '" + profileName + "' in --profile; known: "
                + profiles.stream().map(SiteProfile::name).toList() + " and " + SampleSiteProfile.NAME);
    }

    static boolean isUrl(String input) {
        String s = input.toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }
}
