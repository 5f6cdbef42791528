package dev.sluice.flink;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** One MiniCluster per test class: jobs of {@code --engine flink-local} run on it (it is the context environment). */
final class FlinkTestClusters {
    /** Where the repository's example pipelines are, seen from this module. */
    static final Path CONFIG = Path.of("..", "config").toAbsolutePath().normalize();
    static final Path PIPELINES = Path.of("src", "test", "resources", "pipelines").toAbsolutePath();

    private FlinkTestClusters() {
    }

    static MiniClusterExtension miniCluster() {
        Configuration configuration = new Configuration();
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).setConfiguration(configuration).build());
    }
}
