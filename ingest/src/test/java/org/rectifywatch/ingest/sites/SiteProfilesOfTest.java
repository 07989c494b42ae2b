package org.rectifywatch.ingest.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.SiteProfiles;
import org.rectifywatch.ingest.profile.UrlProfiles;

class SiteProfilesOfTest {
    private final List<SiteProfile> shipped = SiteProfiles.shipped();
    private final SiteProfile template = shipped.stream().filter(p -> !p.isEnabled()).findFirst().orElseThrow();
    private final SiteProfilesOf of = new SiteProfilesOf(shipped, 3);

    @Test
    void aColumnWithoutProfileIsReadByTheGenericRulesOnItsHostOnly() {
        List<SiteProfile> ps = of.of(new SiteEntry("www.x.gov.cn", List.of(new SiteEntry.Column("https://www.x.gov.cn/xsxc/", null, null))));
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).family()).isEqualTo(UrlProfiles.FAMILY);
        assertThat(ps.get(0).name()).isEqualTo("x.gov.cn");
        assertThat(ps.get(0).allowedHosts()).containsExactly("www.x.gov.cn");
        assertThat(ps.get(0).listPages()).isEqualTo(3);
    }

    @Test
    void aNamedFamilyTemplateIsPutToWorkEnabledOnTheSiteWithItsPollInterval() {
        SiteEntry site = new SiteEntry("y.gov.cn:8080", List.of(
                new SiteEntry.Column("http://y.gov.cn:8080/a/", template.name(), "45m"),
                new SiteEntry.Column("http://y.gov.cn:8080/b/", null, null)));
        List<SiteProfile> ps = of.of(site);
        assertThat(ps).hasSize(2);
        SiteProfile family = ps.get(0);
        assertThat(family.isEnabled()).isTrue();
        assertThat(family.family()).isEqualTo(template.family());
        assertThat(family.linkSelector()).isEqualTo(template.linkSelector());
        assertThat(family.startUrls()).containsExactly("http://y.gov.cn:8080/a/");
        assertThat(family.allowedHosts()).contains("y.gov.cn");
        assertThat(family.poll()).isEqualTo(Duration.ofMinutes(45));
        assertThat(family.name()).isEqualTo("y.gov.cn:8080/" + template.name() + "@45m");
        assertThat(ps.get(1).family()).isEqualTo(UrlProfiles.FAMILY);
    }

    @Test
    void anUnknownProfileIsRefusedNamingTheSite() {
        assertThatThrownBy(() -> of.of(new SiteEntry("z.gov.cn", List.of(new SiteEntry.Column("https://z.gov.cn/", "gone", null)))))
                .hasMessageContaining("site z.gov.cn names profile 'gone', which is not in the profiles file");
    }
}
