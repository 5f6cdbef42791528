package dev.sluice.cli;

import dev.sluice.config.ConfigLoader;
import dev.sluice.config.PipelineConfig;
import dev.sluice.counters.ControlFile;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.metrics.MetricsServer;
import dev.sluice.metrics.PrometheusText;
import dev.sluice.runtime.RunLayout;
import dev.sluice.runtime.RunProperties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice metrics RUN_DIR}: any run's counters for Prometheus, read from its control.dat. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Serve a run's metrics for Prometheus (text exposition at http://HOST:PORT/metrics), read live"
                + " from its control.dat, until the run ends or Ctrl-C; or --print them once."})
final class MetricsCommand implements Callable<Integer> {
    private static final long POLL_MS = 500;

    @Mixin
    RunDirectoryArgument runDirectory;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9464",
            description = "the port to serve on (default ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "the address to serve on (default ${DEFAULT-VALUE}, loopback only)")
    String host;

    @Option(names = "--print", description = "print the exposition once to stdout and exit")
    boolean print;

    @Override
    public Integer call() throws Exception {
        RunLayout layout = runDirectory.layout();
        PipelineConfig config = ConfigLoader.load(layout.pipelineYaml(), RunProperties.read(layout));
        try (ControlFile control = ControlFile.open(layout.controlFile(), false)) {
            if (print) {
                System.out.print(PrometheusText.of(config, control.reader()));
                return SluiceCli.OK;
            }
            try (MetricsServer server = MetricsServer.start(host, port, () -> PrometheusText.of(config, control.reader()))) {
                System.err.println("serving " + layout.dir() + " at " + server.url() + " until the run ends or Ctrl-C");
                while (RunHeadline.isLive(RunSnapshot.read(control.reader()))) {
                    Thread.sleep(POLL_MS);
                }
                System.err.println("the run is no longer live: " + RunHeadline.of(RunSnapshot.read(control.reader()), layout));
            }
        }
        return SluiceCli.OK;
    }
}
