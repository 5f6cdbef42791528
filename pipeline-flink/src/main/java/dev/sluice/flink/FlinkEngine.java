package dev.sluice.flink;

import dev.sluice.api.ConfigException;
import dev.sluice.config.PipelineConfig;
import dev.sluice.engine.Engine;
import dev.sluice.engine.EngineRun;
import dev.sluice.outcome.RunFailedException;
import dev.sluice.outcome.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code --engine flink --flink HOST:PORT}: submits the pipeline to a Flink session cluster through its
 * REST port, with a job jar made of this JVM's class path less Flink (the user's stage classes included).
 */
public final class FlinkEngine implements Engine {
    @Override
    public String name() {
        return "flink";
    }

    @Override
    public void validate(PipelineConfig config) {
        FlinkRefusals.check(config);
    }

    @Override
    public RunResult run(EngineRun run) throws RunFailedException, InterruptedException {
        String address = run.address();
        int colon = address == null ? -1 : address.lastIndexOf(':');
        int port;
        try {
            port = colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (colon <= 0 || port <= 0 || port > 65535) {
            throw new ConfigException("--engine flink needs --flink HOST:PORT, the REST address of a Flink session cluster"
                    + " (scripts/flink-cluster start prints it)" + (address == null ? "" : "; got '" + address + "'"));
        }
        String host = address.substring(0, colon);
        int restPort = port;
        return FlinkJobRunner.run(run, (job, runDirectory) -> StreamExecutionEnvironment.createRemoteEnvironment(
                host, restPort, job, JobJars.of(jobClassPath(run), runDirectory.resolve("job"))
                        .toArray(String[]::new)));
    }

    /** Sluice's own class path, then the pipeline's {@code --class-path}/{@code class-path:} entries. */
    private static String jobClassPath(EngineRun run) {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        entries.addAll(run.config().classPath());
        return String.join(java.io.File.pathSeparator, entries);
    }
}
