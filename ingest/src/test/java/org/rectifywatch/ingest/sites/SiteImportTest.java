package org.rectifywatch.ingest.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteImportTest {
    private static final Set<String> PROFILES = Set.of("trs-template", "hanweb-template");

    @Test
    void readsUrlsWithOptionalProfileAndPollPassingOverHeaderCommentsAndBlankLines() {
        List<SiteEntry.Column> cols = SiteImport.parse(List.of(
                "\uFEFFurl,profile,poll",
                "# county portals",
                "https://www.a.gov.cn/xsxc/",
                "",
                "https://b.gov.cn/col/index.html,trs-template,6h",
                "\"https://c.gov.cn/x/\",,30m",
                "https://d.gov.cn/y/\thanweb-template"), "sites.csv", PROFILES);
        assertThat(cols).containsExactly(
                new SiteEntry.Column("https://www.a.gov.cn/xsxc/", null, null),
                new SiteEntry.Column("https://b.gov.cn/col/index.html", "trs-template", "6h"),
                new SiteEntry.Column("https://c.gov.cn/x/", null, "30m"),
                new SiteEntry.Column("https://d.gov.cn/y/", "hanweb-template", null));
    }

    @Test
    void everyBadLineIsNamedWithItsNumberAndNothingIsImported() {
        assertThatThrownBy(() -> SiteImport.parse(List.of(
                "https://ok.gov.cn/a/",
                "ftp://x.gov.cn/a/",
                "https://y.gov.cn/a/,no-such-profile",
                "https://z.gov.cn/a/,,soon"), "list.txt", PROFILES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site list list.txt has 3 bad line(s), nothing was imported")
                .hasMessageContaining("line 2: 'ftp://x.gov.cn/a/' is not an absolute http(s) URL")
                .hasMessageContaining("line 3: profile 'no-such-profile' is not in the profiles file")
                .hasMessageContaining("line 4: poll interval 'soon' is not a duration");
    }

    @Test
    void theHostKeyIsTheLowerCaseAuthorityAndColumnsOfAHostStayTogether() {
        assertThat(SiteEntry.hostOf("https://WWW.A.gov.cn:8443/x/")).isEqualTo("www.a.gov.cn:8443");
        SiteEntry site = new SiteEntry("a.gov.cn", List.of())
                .with(new SiteEntry.Column("https://a.gov.cn/1/", null, null))
                .with(new SiteEntry.Column("https://a.gov.cn/2/", null, null))
                .with(new SiteEntry.Column("https://a.gov.cn/1/", "trs-template", "1h"));
        assertThat(site.columns()).containsExactly(new SiteEntry.Column("https://a.gov.cn/2/", null, null),
                new SiteEntry.Column("https://a.gov.cn/1/", "trs-template", "1h"));
        assertThat(site.without("https://a.gov.cn/2/").columns()).hasSize(1);
    }
}
