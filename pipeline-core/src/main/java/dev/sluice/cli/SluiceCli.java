package dev.sluice.cli;

import dev.sluice.api.ConfigException;
import java.io.IOException;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sluice}: run, validate, watch and resume pipelines. Exit codes: 0 ok, 1 run failed, 2 bad usage or config. */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "sluice 0.1.0",
        description = "Multi-process data pipelines over Chronicle Queue.")
public final class SluiceCli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_USAGE = 2;
    /** The subcommands, in the order {@code sluice --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, ValidateCommand.class,
            StatusCommand.class, ResumeCommand.class, DlqCommand.class, ErrorsCommand.class, MetricsCommand.class,
            ReportCommand.class, NewCommand.class, CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new SluiceCli());
        // picocli builds a command's model by reflection over its annotations: only the one called (all of them for
        // `help`, `--help` or a name it does not know, which then lists them or suggests one)
        Class<?> called = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        for (Class<?> subcommand : called != null ? List.of(called) : SUBCOMMANDS) {
            cli.addSubcommand(subcommand);
        }
        cli.setExitCodeExceptionMapper(e -> BAD_USAGE);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return BAD_USAGE;
        });
        // a command that fails on what it was given (a run directory of another version, a pipeline whose classes
        // are not on the class path) says so in one line; anything else keeps its stack trace
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (!(e instanceof ConfigException || e instanceof IOException || e instanceof IllegalStateException)) {
                throw e;
            }
            command.getErr().println("sluice " + command.getCommandName() + ": "
                    + (e instanceof IOException ? e.toString() : e.getMessage()));
            return e instanceof ConfigException ? BAD_USAGE : FAILED;
        });
        return cli.execute(args);
    }
}
