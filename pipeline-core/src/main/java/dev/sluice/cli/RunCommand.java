package dev.sluice.cli;

import dev.sluice.Pipeline;
import dev.sluice.engine.Engines;
import dev.sluice.queue.ChronicleStartup;
import dev.sluice.api.ConfigException;
import dev.sluice.outcome.RunFailedException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a pipeline to its end: every stage worker as its own JVM, a progress line every 2 s.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    PipelineArguments pipelineFile;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "where run directories go (overrides work-dir:)")
    Path workDir;

    @Option(names = "--in-process", description = "run every stage as a thread of this JVM (for debugging)")
    boolean inProcess;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines")
    boolean quiet;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local",
            description = "local (default: stage processes on this machine), flink (a Flink session cluster, see --flink) or flink-local (an embedded Flink MiniCluster)")
    String engine;

    @Option(names = "--flink", paramLabel = "HOST:PORT", description = "the Flink cluster's REST address, for --engine flink")
    String flinkAddress;

    @Option(names = "--fail-on-dead-letters",
            description = "exit 1 if the run dead-lettered any record (as supervision.fail-on-dead-letters: true)")
    boolean failOnDeadLetters;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "serve Prometheus metrics on http://127.0.0.1:PORT/metrics while the run goes (0: any free port)")
    Integer metricsPort;

    @Override
    public Integer call() throws Exception {
        if (flinkAddress != null && !engine.equals("flink")) {
            System.err.println("--flink HOST:PORT goes with --engine flink");
            return SluiceCli.BAD_USAGE;
        }
        if (engine.equals(Engines.LOCAL)) {
            ChronicleStartup.warmInBackground(); // while the YAML loads and the stage JVMs start
        }
        Pipeline pipeline;
        try {
            pipeline = Pipeline.load(pipelineFile.file, pipelineFile.params, pipelineFile.classPath, workDir);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return SluiceCli.BAD_USAGE;
        }
        try {
            return RunSummary.print(pipeline.inProcess(inProcess).engine(engine, flinkAddress)
                    .metricsPort(metricsPort == null ? -1 : metricsPort)
                    .progress(quiet ? null : System.err).run(), failOnDeadLetters);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return SluiceCli.BAD_USAGE;
        } catch (RunFailedException e) {
            System.err.println(e.getMessage());
            return SluiceCli.FAILED;
        }
    }
}
