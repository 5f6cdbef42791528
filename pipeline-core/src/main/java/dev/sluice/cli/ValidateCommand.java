package dev.sluice.cli;

import dev.sluice.api.ConfigException;
import dev.sluice.config.ConfigLoader;
import dev.sluice.config.LoadOptions;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageChecks;
import dev.sluice.config.StageConfig;
import dev.sluice.engine.Engines;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a pipeline YAML file; print every problem as file:line:column and exit 2 if there is one.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    PipelineArguments pipelineFile;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = Engines.LOCAL,
            description = "also check that the pipeline can run on this engine (flink, flink-local)")
    String engine;

    @Override
    public Integer call() {
        try {
            PipelineConfig config = ConfigLoader.load(pipelineFile.file,
                    LoadOptions.of(pipelineFile.params).withClassPath(pipelineFile.classPath));
            StageChecks.check(config);
            if (!engine.equals(Engines.LOCAL)) {
                Engines.find(engine).validate(config);
            }
            System.out.println(pipelineFile.file + ": pipeline '" + config.name() + "' is valid");
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
