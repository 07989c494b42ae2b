package org.rectifywatch.app;

import org.rectifywatch.app.cli.BenchCommand;
import org.rectifywatch.app.cli.DemoCommand;
import org.rectifywatch.app.cli.EvalCommand;
import org.rectifywatch.app.cli.ExtractCommand;
import org.rectifywatch.app.cli.IngestCommand;
import org.rectifywatch.app.cli.LocalCommand;
import org.rectifywatch.app.cli.ParseCommand;
import org.rectifywatch.app.cli.ProcessCommand;
import org.rectifywatch.app.cli.ReliabilityCommand;
import org.rectifywatch.app.cli.RetractCommand;
import org.rectifywatch.app.cli.ReprocessCommand;
import org.rectifywatch.app.cli.SetupCommand;
import org.rectifywatch.app.cli.SinkCommand;
import org.rectifywatch.localstack.StartupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pipeline} executable: one subcommand per job. */
@Command(name = "pipeline",
        mixinStandardHelpOptions = true,
        version = "rectify-watch 0.1.0",
        description = "Watches official sites for inspection-rectification reports, parses and classifies them, "
                + "and keeps them searchable in Elasticsearch.",
        subcommands = {
                DemoCommand.class,
                LocalCommand.class,
                IngestCommand.class,
                org.rectifywatch.app.cli.SitesCommand.class,
                ProcessCommand.class,
                RetractCommand.class,
                ReprocessCommand.class,
                SinkCommand.class,
                SetupCommand.class,
                org.rectifywatch.app.cli.TopicsCommand.class,
                ParseCommand.class,
                ExtractCommand.class,
                EvalCommand.class,
                BenchCommand.class,
                ReliabilityCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Pipeline implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Pipeline());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(Pipeline::handle);
        return cl;
    }

    /** Start-up and configuration failures end with one sentence naming the cause and the fix, not a stack trace. */
    private static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof StartupException || t instanceof IllegalArgumentException) {
                cmd.getErr().println("pipeline " + cmd.getCommandName() + ": " + t.getMessage());
                return 2;
            }
        }
        cmd.getErr().println("pipeline " + cmd.getCommandName() + " failed: " + ex);
        ex.printStackTrace(cmd.getErr());
        return 1;
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }
}
