package org.rectifywatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectifywatch.ingest.extract.ArticleText;
import org.rectifywatch.samples.SampleReports;

/** The key form of local files and the shared reading that {@code ingest files} and {@code parse} use. */
class LocalFilesTest {

    @Test
    void aFileIsKeyedByItsPathBelowTheArgumentsParent(@TempDir Path dir) {
        Path archive = dir.resolve("archive");
        Path file = archive.resolve("2024").resolve("关于整改情况的通报.html");
        assertThat(LocalFiles.key(archive, file, null)).isEqualTo("file:archive/2024/关于整改情况的通报.html");
        // however the argument is spelt
        assertThat(LocalFiles.key(archive.resolve("2024").resolve(".."), file, null)).isEqualTo("file:archive/2024/关于整改情况的通报.html");
        assertThat(LocalFiles.key(file, file, null)).isEqualTo("file:关于整改情况的通报.html");
        // a key name stands in for the argument's own name
        assertThat(LocalFiles.key(archive, file, "backfill-2024")).isEqualTo("file:backfill-2024/2024/关于整改情况的通报.html");
        assertThat(LocalFiles.key(file, file, "/reports\\a.html/")).isEqualTo("file:reports/a.html");
        assertThatThrownBy(() -> LocalFiles.key(file, file, " / ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyDoesNotDependOnTheContent(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, SampleReports.all().get(0).text());
        String before = LocalFiles.key(dir, f, null);
        Files.writeString(f, SampleReports.all().get(1).text());
        assertThat(LocalFiles.key(dir, f, null)).isEqualTo(before).isEqualTo("file:" + dir.getFileName() + "/a.txt");
    }

    @Test
    void aGbkTextFileReadsAsItsUtf8Twin(@TempDir Path dir) throws Exception {
        SampleReports.Sample sample = SampleReports.byName("s03_chengchuan_energy_central_2025");
        Path utf8 = dir.resolve("utf8.txt");
        Path gbk = dir.resolve("gbk.txt");
        Files.writeString(utf8, sample.text(), StandardCharsets.UTF_8);
        Files.write(gbk, sample.text().getBytes(Charset.forName("GBK")));
        LocalFiles.Read u = LocalFiles.read(utf8);
        LocalFiles.Read g = LocalFiles.read(gbk);
        assertThat(g.ok()).isTrue();
        assertThat(g.file().charset()).isEqualTo("GB18030");
        assertThat(g.file().text()).isEqualTo(u.file().text()).isEqualTo(ArticleText.normalize(sample.text()));
    }

    @Test
    void unreadableEmptyAndGarbledFilesAreSkipsWithAReason(@TempDir Path dir) throws Exception {
        assertThat(LocalFiles.read(dir.resolve("missing.txt")).skipReason()).isEqualTo(LocalFiles.UNREADABLE);
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, " \n\n");
        assertThat(LocalFiles.read(empty).skipReason()).isEqualTo(LocalFiles.EMPTY_TEXT);
        Path latin1 = dir.resolve("latin1.txt");
        // GBK bytes under a wrong Latin-1 declaration: the declaration garbles them, detection reads them right
        Files.write(latin1, ("<meta charset=iso-8859-1><p>" + SampleReports.all().get(0).text() + "</p>")
                .getBytes(Charset.forName("GBK")));
        LocalFiles.Read declaredWrong = LocalFiles.read(latin1);
        assertThat(declaredWrong.ok()).isTrue();
        assertThat(declaredWrong.file().text()).contains(SampleReports.all().get(0).title());
        // text that is garbage in every charset
        Path junk = dir.resolve("junk.txt");
        Files.writeString(junk, "\uFFFD\uFFFD巡视\uFFFD\uFFFD整改\uFFFD\uFFFD\uFFFD".repeat(40), java.nio.charset.StandardCharsets.UTF_8);
        LocalFiles.Read r = LocalFiles.read(junk);
        assertThat(r.skipReason()).isEqualTo(LocalFiles.MOJIBAKE);
        assertThat(r.detail()).contains("garbled");
    }
}
