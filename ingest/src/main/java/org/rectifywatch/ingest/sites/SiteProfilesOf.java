package org.rectifywatch.ingest.sites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.UrlProfiles;

/**
 * The profiles that crawl one site of the site list: its columns grouped by profile and poll interval; a named profile
 * (a CMS family's template from the profiles file) gets the columns as start URLs and the host as an allowed one, a
 * column without a profile is read by the generic rules ({@link UrlProfiles}). Profiles stay the way to describe a family.
 */
public final class SiteProfilesOf {
    private final Map<String, SiteProfile> templates;
    private final int maxPages;

    public SiteProfilesOf(List<SiteProfile> templates, int maxPages) {
        this.templates = new LinkedHashMap<>();
        templates.forEach(t -> this.templates.put(t.name(), t));
        this.maxPages = maxPages;
    }

    public List<SiteProfile> of(SiteEntry site) {
        record Group(String profile, String poll) {
        }
        Map<Group, List<String>> groups = new LinkedHashMap<>();
        for (SiteEntry.Column c : site.columns()) {
            groups.computeIfAbsent(new Group(c.profile(), c.poll()), g -> new ArrayList<>()).add(c.url());
        }
        String base = UrlProfiles.nameFor(site.host());
        List<SiteProfile> out = new ArrayList<>();
        for (Map.Entry<Group, List<String>> g : groups.entrySet()) {
            String name = groups.size() == 1 ? base : base + "/" + Objects.requireNonNullElse(g.getKey().profile(), UrlProfiles.FAMILY)
                    + (g.getKey().poll() == null ? "" : "@" + g.getKey().poll());
            SiteProfile template = g.getKey().profile() == null ? UrlProfiles.of(g.getValue(), maxPages).get(0)
                    : templates.get(g.getKey().profile());
            if (template == null) {
                throw new IllegalArgumentException("site " + site.host() + " names profile '" + g.getKey().profile()
                        + "', which is not in the profiles file; add it there or set the site again with another profile");
            }
            out.add(template.forSite(name, g.getValue(), hostName(site.host()), g.getKey().poll()));
        }
        return out;
    }

    private static String hostName(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
    }
}
