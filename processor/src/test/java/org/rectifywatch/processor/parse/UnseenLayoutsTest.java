package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.report.WarningCode;
import org.rectifywatch.processor.eval.Evaluator;
import org.rectifywatch.processor.eval.FileScore;

/**
 * Reports in layouts that neither the shared corpus nor the samples use (central-round ministry report, 第一部分 /
 * 问题一： blocks, 第N方面问题 with 一是…, 反馈问题： labels with ASCII numbering, township 在“X”方面 with inline text,
 * 回头看 with numbered actions, four-level nesting, 1) numbering, 【反馈问题】 brackets, top-level issues, a flattened
 * 公示 table …; the {@code notes} of each JSON say what it covers), each hand-annotated before it was parsed.
 * The bar is the product's bar for unseen reports, per file; the parser must also raise no warning on them, but for
 * a numbering gap that the source itself has.
 */
class UnseenLayoutsTest {
    private static final String DIR = "/org/rectifywatch/processor/unseen/";
    private static final ReportParser PARSER = new ReportParser();
    private static final List<String> TABLE = new ArrayList<>();

    @Test
    void thereAreAtLeastEightFixtures() throws Exception {
        assertThat(fixtures()).hasSizeGreaterThanOrEqualTo(8);
    }

    @TestFactory
    Stream<DynamicTest> everyUnseenLayoutMeetsTheBar() throws Exception {
        return fixtures().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path txt) throws IOException {
        String name = txt.getFileName().toString();
        String text = Files.readString(txt, StandardCharsets.UTF_8);
        JsonNode gold = Json.MAPPER.readTree(Files.readString(
                txt.resolveSibling(name.replace(".txt", ".json")), StandardCharsets.UTF_8));
        ParsedReport parsed = PARSER.parse(ReportInput.ofText(text).withFile(name));
        FileScore s = Evaluator.compare(parsed, gold);
        synchronized (TABLE) {
            TABLE.add(String.format("%-36s gold=%2d pred=%2d F1=%.2f meta=%.2f status=%.2f commit=%d/%d figures=%d/%d",
                    name, s.goldIssues(), s.predictedIssues(), s.f1(), s.metaAccuracy(), s.statusAccuracy(),
                    s.goldCommitmentsFound(), s.goldCommitments(), s.goldFiguresFound(), s.goldFigures()));
        }
        String detail = "\nunmatched gold: " + s.unmatchedGold() + "\nunmatched predicted: " + s.unmatchedPredicted();
        assertThat(s.f1()).as("segmentation F1 of %s%s", name, detail).isGreaterThanOrEqualTo(0.95);
        assertThat(s.metaMismatches()).as("metadata of %s", name).isEmpty();
        assertThat(s.commitmentMisses()).as("commitments of %s", name).isEmpty();
        assertThat(s.figureMismatches()).as("figures of %s (predicted %s)", name, parsed.figures()).isEmpty();
        assertThat(s.statusAccuracy()).as("status accuracy of %s: %s", name, statuses(parsed))
                .isGreaterThanOrEqualTo(0.8);
        // a numbering gap that is really in the source is the one warning a right parse may give
        assertThat(parsed.warnings().stream().filter(w -> !(w.code() == WarningCode.NUMBERING_GAP
                && sourceSkipsAt(gold, w.line()))).toList()).as("warnings of %s", name).isEmpty();
    }

    /** True when the gold issue at {@code line} carries an Arabic ordinal that does not follow the one before it. */
    private static boolean sourceSkipsAt(JsonNode gold, Integer line) {
        JsonNode previous = null;
        for (JsonNode issue : gold.path("issues")) {
            if (line != null && issue.path("line").asInt() == line && previous != null) {
                String a = previous.path("label").asText("");
                String b = issue.path("label").asText("");
                return a.matches("\\d+") && b.matches("\\d+") && Integer.parseInt(b) > Integer.parseInt(a) + 1;
            }
            previous = issue;
        }
        return false;
    }

    private static List<String> statuses(ParsedReport parsed) {
        List<String> out = new ArrayList<>();
        parsed.issues().forEach(i -> out.add(i.line() + ":" + i.status()));
        return out;
    }

    private static List<Path> fixtures() throws IOException, URISyntaxException {
        URL dir = UnseenLayoutsTest.class.getResource(DIR);
        assertThat(dir).as("test resources %s", DIR).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @AfterAll
    static void printTable() {
        TABLE.forEach(System.out::println);
    }
}
