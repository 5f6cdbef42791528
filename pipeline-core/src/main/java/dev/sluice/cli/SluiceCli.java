package dev.sluice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sluice}: run, validate, watch and resume pipelines. Exit codes: 0 ok, 1 run failed, 2 bad usage or config. */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "sluice 0.1.0",
        description = "Multi-process data pipelines over Chronicle Queue.",
        subcommands = {RunCommand.class, ValidateCommand.class, StatusCommand.class, ResumeCommand.class, DlqCommand.class,
                ErrorsCommand.class, MetricsCommand.class, ReportCommand.class, NewCommand.class,
                CommandLine.HelpCommand.class})
public final class SluiceCli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_USAGE = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new SluiceCli());
        cli.setExitCodeExceptionMapper(e -> BAD_USAGE);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return BAD_USAGE;
        });
        return cli.execute(args);
    }
}
