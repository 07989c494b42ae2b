package org.rectifywatch.ingest.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilesTest {

    @Test
    void shippedProfilesCoverTheKnownColumnsAndFamiliesAndAreUnverified() {
        List<SiteProfile> all = SiteProfiles.shipped();
        assertThat(all).extracting(SiteProfile::name).contains("ccdi-xsxc", "ccdi-search", "gdjct-xszg", "beijing-xsfk",
                "template-trs-wcm", "template-hanweb", "template-gd-intensive", "template-henan-sitesources", "template-rednet");
        assertThat(all).allSatisfy(p -> assertThat(p.verified()).isFalse());
        assertThat(all).filteredOn(SiteProfile::isEnabled).extracting(SiteProfile::name)
                .containsExactly("ccdi-xsxc", "ccdi-search", "gdjct-xszg", "beijing-xsfk");
        SiteProfile gd = all.stream().filter(p -> p.name().equals("gdjct-xszg")).findFirst().orElseThrow();
        assertThat(gd.startUrls()).containsExactly("https://www.gdjct.gd.gov.cn/swxsnew/xszg82/index.html");
        assertThat(gd.pagination().pageUrl(gd.startUrls().get(0), 1)).contains("https://www.gdjct.gd.gov.cn/swxsnew/xszg82/index_2.html");
        assertThat(gd.poll()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void paginationSchemes() {
        assertThat(new Pagination(Pagination.Kind.INDEX_N, null, null).pageUrl("https://a.cn/xsxcn/", 2))
                .contains("https://a.cn/xsxcn/index_2.html");
        assertThat(new Pagination(Pagination.Kind.INDEX_N, null, null).pageUrl("https://a.cn/xsxcn/index.shtml", 1))
                .contains("https://a.cn/xsxcn/index_1.shtml");
        assertThat(new Pagination(Pagination.Kind.LIST_N, null, null).pageUrl("https://a.cn/page_pc/x/list1.html", 1))
                .contains("https://a.cn/page_pc/x/list2.html");
        assertThat(new Pagination(Pagination.Kind.PAGE_NUM, null, null).pageUrl("https://a.cn/col/col1/index.html?uid=5&pageNum=1", 2))
                .contains("https://a.cn/col/col1/index.html?uid=5&pageNum=3");
        assertThat(new Pagination(Pagination.Kind.NEXT_LINK, null, null).pageUrl("https://a.cn/x/", 1)).isEmpty();
    }

    @Test
    void aTypoInAUserFileIsReportedWithTheFileName() {
        String json = "{\"profiles\": [{\"name\": \"x\", \"start_urls\": [\"https://a.cn/\"], \"allowed_hosts\": [\"a.cn\"], \"linkselector\": \"a\"}]}";
        assertThatThrownBy(() -> SiteProfiles.parse(json.getBytes(StandardCharsets.UTF_8), "my.json"))
                .hasMessageContaining("my.json").hasMessageContaining("linkselector");
        String noHosts = "{\"profiles\": [{\"name\": \"x\", \"start_urls\": [\"https://a.cn/\"]}]}";
        assertThatThrownBy(() -> SiteProfiles.parse(noHosts.getBytes(StandardCharsets.UTF_8), "my.json"))
                .hasMessageContaining("allowed_hosts");
    }

    @Test
    void profilesRoundTripThroughTheFileFormat() {
        List<SiteProfile> shipped = SiteProfiles.shipped();
        assertThat(SiteProfiles.parse(SiteProfiles.toJson(shipped).getBytes(StandardCharsets.UTF_8), "copy")).isEqualTo(shipped);
    }
}
