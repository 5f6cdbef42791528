package dev.sluice.cli;

import dev.sluice.Pipeline;
import dev.sluice.api.ConfigException;
import dev.sluice.outcome.RunFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a stopped, failed or killed run (its supervisor included) to the same exact result.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "a run directory: <work-dir>/<pipeline>/<run-id>")
    Path runDir;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines")
    boolean quiet;

    @Option(names = "--class-path", paramLabel = "PATHS",
            description = ClassPathOption.DESCRIPTION + " Replaces the one the run started with.")
    java.util.List<String> classPath;

    @Option(names = "--fail-on-dead-letters",
            description = "exit 1 if the run dead-lettered any record (as supervision.fail-on-dead-letters: true)")
    boolean failOnDeadLetters;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "change a ${NAME} parameter the run started with (repeatable)")
    java.util.Map<String, String> params = java.util.Map.of();

    @Override
    public Integer call() throws Exception {
        try {
            return RunSummary.print(Pipeline.resume(runDir, params, classPath, quiet ? null : System.err),
                    failOnDeadLetters);
        } catch (ConfigException | IOException e) {
            System.err.println(e.getMessage());
            return SluiceCli.BAD_USAGE;
        } catch (RunFailedException e) {
            System.err.println(e.getMessage());
            return SluiceCli.FAILED;
        }
    }
}
