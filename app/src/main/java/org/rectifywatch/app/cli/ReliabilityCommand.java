package org.rectifywatch.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.rectifywatch.app.reliability.ReliabilityReport;
import org.rectifywatch.app.reliability.ReliabilityRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline reliability-report}: assembles docs/RELIABILITY.md from the reliability suite's rows. */
@Command(name = "reliability-report", mixinStandardHelpOptions = true,
        description = "Writes the reliability table (fault or input → what happened → expected/actual counts) from the rows "
                + "the reliability tests wrote (run them first: see docs/RELIABILITY.md).")
public final class ReliabilityCommand implements Callable<Integer> {

    @Option(names = "--rows", description = "Folder of row files written by the tests (default: ${DEFAULT-VALUE}).",
            defaultValue = "app/target/reliability")
    Path rows;

    @Option(names = "--out", description = "Markdown file to write (default: ${DEFAULT-VALUE}).", defaultValue = "docs/RELIABILITY.md")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(rows)) {
            throw new IllegalArgumentException("no reliability rows in " + rows.toAbsolutePath()
                    + ": run the reliability suite first (mvn -pl app -am verify -Dtest='ProcessorCrashIT,CrashWindowsIT,ScaledOutCrashIT,RestartPauseIT,InfrastructureFaultsIT,CrawlerFaultsIT,BadInputIT,RepositorySecretsTest')");
        }
        List<ReliabilityRow> all = ReliabilityRow.readAll(rows);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the folder " + rows.toAbsolutePath() + " has no row files: run the reliability suite first");
        }
        String at = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, ReliabilityReport.markdown(all, at));
        long failed = all.stream().filter(r -> !r.ok()).count();
        System.out.printf("wrote %s: %d rows, %d with unexpected counts%n", out, all.size(), failed);
        return failed == 0 ? 0 : 1;
    }
}
