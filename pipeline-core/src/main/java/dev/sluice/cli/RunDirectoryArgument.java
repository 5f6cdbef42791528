package dev.sluice.cli;

import dev.sluice.runtime.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** A RUN_DIR argument: must be a run directory, or the command fails with exit code 2. */
final class RunDirectoryArgument {
    private RunDirectoryArgument() {
    }

    static RunLayout layout(CommandLine.Model.CommandSpec spec, Path runDir) {
        RunLayout layout = new RunLayout(runDir);
        if (!Files.exists(layout.controlFile())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    runDir + " is not a run directory: no control.dat");
        }
        return layout;
    }
}
