package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.sites.SiteEntry;
import org.rectifywatch.ingest.sites.SiteList;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.model.config.KafkaSettings;

/** {@code pipeline sites import|add|list|remove} against a real local Kafka: the site list on crawl.sites, one record per host. */
@Tag("integration")
class SitesCommandIT {

    @Test
    void importAddListAndRemoveKeepOneRecordPerHost() throws Exception {
        try (LocalKafka kafka = LocalKafka.startTemporary()) {
            kafka.createPipelineTopics();
            String b = kafka.bootstrap();
            KafkaSettings settings = KafkaSettings.local(b);
            Path file = Files.createTempFile("sites", ".csv");
            Files.writeString(file, """
                    url,profile,poll
                    https://www.a.gov.cn/xsxc/
                    https://www.a.gov.cn/tzgg/,,6h
                    https://b.gov.cn/col/,trs-template,30m
                    """);
            CliRun bad = CliRun.of("sites", "import", file.toString(), "--bootstrap", b);
            // trs-template is no profile of the shipped file: nothing imported, the line named
            assertThat(bad.exitCode()).isNotZero();
            assertThat(bad.err()).contains("line 4: profile 'trs-template' is not in the profiles file");
            assertThat(SiteList.read(settings, Duration.ofSeconds(30))).isEmpty();

            Files.writeString(file, Files.readString(file).replace("trs-template", "template-trs-wcm"));
            CliRun ok = CliRun.of("sites", "import", file.toString(), "--bootstrap", b);
            assertThat(ok.exitCode()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("3 columns of " + file + " imported on 2 hosts");

            CliRun add = CliRun.of("sites", "add", "https://www.a.gov.cn/xsxc/", "--poll", "2h", "--bootstrap", b);
            assertThat(add.exitCode()).as(add.err()).isZero();
            Map<String, SiteEntry> sites = SiteList.read(settings, Duration.ofSeconds(30));
            assertThat(sites.keySet()).containsExactly("b.gov.cn", "www.a.gov.cn");
            assertThat(sites.get("www.a.gov.cn").columns()).containsExactlyInAnyOrder(
                    new SiteEntry.Column("https://www.a.gov.cn/tzgg/", null, "6h"),
                    new SiteEntry.Column("https://www.a.gov.cn/xsxc/", null, "2h"));

            CliRun list = CliRun.of("sites", "list", "--bootstrap", b);
            assertThat(list.out()).contains("www.a.gov.cn\thttps://www.a.gov.cn/xsxc/\tgeneric\t2h").contains("b.gov.cn\thttps://b.gov.cn/col/\ttemplate-trs-wcm\t30m").contains("2 hosts, 3 columns");

            assertThat(CliRun.of("sites", "remove", "https://www.a.gov.cn/tzgg/", "--bootstrap", b).exitCode()).isZero();
            assertThat(CliRun.of("sites", "remove", "b.gov.cn", "--bootstrap", b).exitCode()).isZero();
            CliRun missing = CliRun.of("sites", "remove", "c.gov.cn", "--bootstrap", b);
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err()).contains("c.gov.cn is not in the site list");
            sites = SiteList.read(settings, Duration.ofSeconds(30));
            assertThat(sites.keySet()).containsExactly("www.a.gov.cn");
            assertThat(sites.get("www.a.gov.cn").columns()).extracting(SiteEntry.Column::url).containsExactly("https://www.a.gov.cn/xsxc/");
        }
    }
}
