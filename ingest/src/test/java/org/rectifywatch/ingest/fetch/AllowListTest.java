package org.rectifywatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowListTest {
    /** Public names resolve to a public address, except the rebinding trap that points into the private network. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "www.ccdi.gov.cn", "news.example.gov.cn" -> new InetAddress[] {InetAddress.getByName("203.0.113.10")};
            case "intranet.example.gov.cn" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
            default -> InetAddress.getAllByName(host);
        };
    }

    private final AllowList allow = new AllowList(
            List.of("www.ccdi.gov.cn", "*.example.gov.cn", "127.0.0.1"), AllowListTest::resolve);

    private SkipReason refusal(String url) {
        return allow.check(url).map(FetchOutcome::reason).orElse(null);
    }

    @Test
    void allowsOnlyNamedHostsAndWildcardSubdomains() {
        assertThat(refusal("https://www.ccdi.gov.cn/xsxcn/")).isNull();
        assertThat(refusal("https://news.example.gov.cn/a.html")).isNull();
        assertThat(refusal("https://www.other.gov.cn/")).isEqualTo(SkipReason.NOT_ALLOWED_HOST);
        assertThat(refusal("https://ccdi.gov.cn.evil.example/")).isEqualTo(SkipReason.NOT_ALLOWED_HOST);
        assertThat(refusal("ftp://www.ccdi.gov.cn/x")).isEqualTo(SkipReason.NOT_ALLOWED_HOST);
        assertThat(refusal("https://user:pw@www.ccdi.gov.cn/x")).isEqualTo(SkipReason.NOT_ALLOWED_HOST);
    }

    @Test
    void privateAndLoopbackAddressesNeedAnExplicitLiteralEntry() {
        assertThat(refusal("https://intranet.example.gov.cn/")).isEqualTo(SkipReason.PRIVATE_ADDRESS);
        assertThat(refusal("http://127.0.0.1:8080/robots.txt")).isNull();
        AllowList wildcardOnly = new AllowList(List.of("*.example.gov.cn", "localhost"), AllowListTest::resolve);
        assertThat(wildcardOnly.check("http://localhost/").isEmpty()).isTrue();
        AllowList noLoopback = new AllowList(List.of("www.ccdi.gov.cn"), AllowListTest::resolve);
        assertThat(noLoopback.check("http://127.0.0.1/").map(FetchOutcome::reason)).contains(SkipReason.NOT_ALLOWED_HOST);
    }

    @Test
    void internalRangesAreRecognised() throws Exception {
        for (String a : List.of("10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fd00::1", "fe80::1")) {
            assertThat(AllowList.isInternal(InetAddress.getByName(a))).as(a).isTrue();
        }
        assertThat(AllowList.isInternal(InetAddress.getByName("203.0.113.10"))).isFalse();
    }
}
