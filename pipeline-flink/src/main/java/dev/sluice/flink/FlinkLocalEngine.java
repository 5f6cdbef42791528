package dev.sluice.flink;

import dev.sluice.config.PipelineConfig;
import dev.sluice.engine.Engine;
import dev.sluice.engine.EngineRun;
import dev.sluice.outcome.RunFailedException;
import dev.sluice.outcome.RunResult;
import java.time.Duration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code --engine flink-local}: the pipeline as a Flink job on an embedded MiniCluster in this JVM (or
 * on the context environment a test sets, such as a MiniClusterExtension's).
 */
public final class FlinkLocalEngine implements Engine {
    @Override
    public String name() {
        return "flink-local";
    }

    @Override
    public void validate(PipelineConfig config) {
        FlinkRefusals.check(config);
    }

    @Override
    public RunResult run(EngineRun run) throws RunFailedException, InterruptedException {
        return FlinkJobRunner.run(run, (job, runDirectory) -> {
            // task managers report accumulators (the progress lines' counts) with their heartbeats
            job.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
            return StreamExecutionEnvironment.getExecutionEnvironment(job);
        });
    }
}
