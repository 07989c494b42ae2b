package org.rectifywatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {
    @Test
    void normalisesHostPortFragmentAndTrackingParameters() {
        assertThat(CanonicalUrl.of("HTTPS://WWW.CCDI.GOV.CN:443/xsxcn/202404/t20240424_123.html#top"))
                .isEqualTo("https://www.ccdi.gov.cn/xsxcn/202404/t20240424_123.html");
        assertThat(CanonicalUrl.of("http://a.gov.cn:80/col/index.html?uid=7&utm_source=wx&pageNum=2&spm=x.y&isappinstalled=0"))
                .isEqualTo("http://a.gov.cn/col/index.html?pageNum=2&uid=7");
        assertThat(CanonicalUrl.of("http://127.0.0.1:8080/a.html")).isEqualTo("http://127.0.0.1:8080/a.html");
        assertThat(CanonicalUrl.of("https://a.gov.cn")).isEqualTo("https://a.gov.cn/");
    }

    @Test
    void mobileTwinMapsToTheDesktopArticle() {
        assertThat(CanonicalUrl.of("https://www.ccdi.gov.cn/xsxcn/202404/t20240424_123_m.html"))
                .isEqualTo(CanonicalUrl.of("https://www.ccdi.gov.cn/xsxcn/202404/t20240424_123.html"));
        assertThat(CanonicalUrl.of("https://a.cn/x/t20240424_123_m.shtml")).isEqualTo("https://a.cn/x/t20240424_123.shtml");
    }

    @Test
    void refusesWhatIsNotAnAbsoluteUrl() {
        assertThatThrownBy(() -> CanonicalUrl.of("/relative.html")).hasMessageContaining("/relative.html");
    }
}
