package org.rectifywatch.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pipeline} executable: one subcommand per job. */
@Command(name = "pipeline",
        mixinStandardHelpOptions = true,
        version = "rectify-watch 0.1.0",
        description = "Watches official sites for inspection-rectification reports, parses and classifies them, "
                + "and keeps them searchable in Elasticsearch.",
        subcommands = {
                CommandLine.HelpCommand.class,
        })
public final class Pipeline implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Pipeline());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }
}
