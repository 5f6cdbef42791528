package dev.sluice.cli;

import dev.sluice.runtime.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The RUN_DIR parameter of the commands that read a run (mixed in with {@code @Mixin}): it must be a run
 * directory, or the command fails with exit code 2.
 */
final class RunDirectoryArgument {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "a run directory: <work-dir>/<pipeline>/<run-id>")
    Path runDir;

    RunLayout layout() {
        RunLayout layout = new RunLayout(runDir);
        if (!Files.exists(layout.controlFile())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    runDir + " is not a run directory: no control.dat");
        }
        return layout;
    }
}
