package dev.sluice.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments every command that loads a pipeline file takes: the file, its {@code --set} parameters and
 * the class path of its own stages.
 */
final class PipelineArguments {
    @Parameters(paramLabel = "FILE", description = "pipeline YAML file")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "set a ${NAME} parameter (repeatable)")
    Map<String, String> params = Map.of();

    @Option(names = "--class-path", paramLabel = "PATHS",
            description = ClassPathOption.DESCRIPTION)
    List<String> classPath = List.of();
}
