package dev.sluice.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments every command that loads a pipeline file takes: the file and its {@code --set} parameters. */
final class PipelineArguments {
    @Parameters(paramLabel = "FILE", description = "pipeline YAML file")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "set a ${NAME} parameter (repeatable)")
    Map<String, String> params = Map.of();
}
