package dev.sluice.cli;

import dev.sluice.config.ConfigLoader;
import dev.sluice.config.PipelineConfig;
import dev.sluice.counters.ControlFile;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.metrics.RunReport;
import dev.sluice.runtime.RunLayout;
import dev.sluice.runtime.RunProperties;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice report RUN_DIR}: the run as one self-contained HTML file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a run's report: one self-contained HTML file (no network needed) with the stage graph"
                + " coloured by busy/backpressure, throughput, backlog, CPU and memory over time, latency percentiles,"
                + " restarts and hangs, errors and dead letters. Every run writes one at its end; this one is as of now."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    RunDirectoryArgument runDirectory;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write it (default RUN_DIR/report.html)")
    Path output;

    @Override
    public Integer call() throws Exception {
        RunLayout layout = runDirectory.layout();
        PipelineConfig config = ConfigLoader.load(layout.pipelineYaml(), RunProperties.read(layout));
        try (ControlFile control = ControlFile.open(layout.controlFile(), false)) {
            Path written = RunReport.write(config, layout, RunSnapshot.read(control.reader()),
                    output == null ? layout.report() : output);
            System.out.println("report: " + written.toAbsolutePath());
        }
        return SluiceCli.OK;
    }
}
