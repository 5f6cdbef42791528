package dev.sluice.cli;

import dev.sluice.api.ConfigException;
import dev.sluice.config.ConfigLoader;
import dev.sluice.config.LoadOptions;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a pipeline YAML file; print every problem as file:line:column and exit 2 if there is one.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "pipeline YAML file")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "set a ${NAME} parameter (repeatable)")
    Map<String, String> params = Map.of();

    @Override
    public Integer call() {
        try {
            PipelineConfig config = ConfigLoader.load(file, new LoadOptions(params, System.getenv(),
                    Path.of("").toAbsolutePath(), "validate", null));
            System.out.println(file + ": pipeline '" + config.name() + "' is valid");
            for (StageConfig stage : config.stages()) {
                System.out.printf("  %-16s %-9s x%-3d %s%s%n", stage.name(), stage.kind().yamlName(), stage.workers(),
                        stage.className(), stage.inputs().isEmpty() ? "" : " <- " + String.join(", ", stage.inputs()));
            }
            return SluiceCli.OK;
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return SluiceCli.BAD_USAGE;
        }
    }
}
