package dev.sluice;

import dev.sluice.api.ConfigException;
import dev.sluice.config.ConfigLoader;
import dev.sluice.config.LoadOptions;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageChecks;
import dev.sluice.counters.RunCounters;
import dev.sluice.engine.Engine;
import dev.sluice.engine.EngineRun;
import dev.sluice.engine.Engines;
import dev.sluice.metrics.MetricsServer;
import dev.sluice.metrics.PrometheusText;
import dev.sluice.outcome.RunFailedException;
import dev.sluice.outcome.RunResult;
import dev.sluice.queue.ChronicleStartup;
import dev.sluice.rundir.RunContext;
import dev.sluice.rundir.RunDirectory;
import dev.sluice.rundir.RunLayout;
import dev.sluice.rundir.RunProperties;
import dev.sluice.supervisor.FirstLaunches;
import dev.sluice.supervisor.InProcessRunner;
import dev.sluice.supervisor.Supervisor;
import dev.sluice.supervisor.SupervisorPresence;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A pipeline from YAML, to run from Java:
 * <pre>{@code
 * RunResult result = Pipeline.load(Path.of("config/wordcount.yaml"), Map.of("workers", "2")).run();
 * }</pre>
 * By default every stage runs as its own JVM; {@link #inProcess(boolean) inProcess(true)} runs them
 * as threads of this one.
 */
public final class Pipeline {
    private final Path file;
    private final Map<String, String> params;
    private final List<String> classPath;
    /** As {@link #load} validated it, with the id of the first run: that run does not load the file again. */
    private PipelineConfig validated;
    private Path workDir;
    private boolean inProcess;
    private PrintStream progress;
    private String engine = Engines.LOCAL;
    private String engineAddress;
    private int metricsPort = -1;
    private volatile Runnable stopper = () -> { };

    private Pipeline(Path file, Map<String, String> params, List<String> classPath) {
        this.file = file;
        this.params = new HashMap<>(params);
        this.classPath = List.copyOf(classPath);
    }

    /**
     * Loads and validates the YAML file, stage options included ({@link dev.sluice.api.Stage#validate});
     * throws {@link dev.sluice.api.ConfigException} if it is not valid.
     *
     * @param classPath where the pipeline's own stage classes are, besides its {@code class-path:}
     *                  (directories, jars, {@code dir/*}; relative to the working directory)
     */
    public static Pipeline load(Path file, Map<String, String> params, List<String> classPath) {
        return load(file, params, classPath, null);
    }

    /**
     * Like {@link #load(Path, Map, List)}, with {@link #workDir} set before the file is loaded: the run does not
     * load it again (as it must when the work directory changes after loading, since {@code ${run-dir}} moves).
     *
     * @param workDir overrides the YAML's {@code work-dir}; null: the YAML's
     */
    public static Pipeline load(Path file, Map<String, String> params, List<String> classPath, Path workDir) {
        Pipeline pipeline = new Pipeline(file, params, classPath);
        pipeline.workDir = workDir;
        pipeline.validated = pipeline.config(newRunId());
        StageChecks.check(pipeline.validated);
        return pipeline;
    }

    public static Pipeline load(Path file, Map<String, String> params) {
        return load(file, params, List.of());
    }

    public static Pipeline load(Path file) {
        return load(file, Map.of());
    }

    /** Overrides the YAML's {@code work-dir}. */
    public Pipeline workDir(Path dir) {
        if (!Objects.equals(dir, workDir)) {
            validated = null; // the run directory (and ${run-dir}) move with it: the run loads the file again
        }
        this.workDir = dir;
        return this;
    }

    /** Runs every stage as a thread of this JVM instead of a process of its own. */
    public Pipeline inProcess(boolean inProcess) {
        this.inProcess = inProcess;
        return this;
    }

    /**
     * Runs on another {@link Engine} ({@code flink}, {@code flink-local} when pipeline-flink is on the class
     * path) instead of {@code local}; {@code address} is its cluster's ({@code HOST:PORT}), or null.
     */
    public Pipeline engine(String name, String address) {
        this.engine = name;
        this.engineAddress = address;
        return this;
    }

    /** Where to print a progress line every few seconds; null (the default) for none. */
    public Pipeline progress(PrintStream out) {
        this.progress = out;
        return this;
    }

    /**
     * Serves the run's metrics for Prometheus on {@code http://127.0.0.1:<port>/metrics} while it runs (0: any free
     * port; the progress stream says which); negative (the default): none.
     */
    public Pipeline metricsPort(int port) {
        this.metricsPort = port;
        return this;
    }

    /** Stops a {@link #run} going on in another thread: it then throws {@link RunFailedException}. */
    public void stop() {
        stopper.run();
    }

    /** Runs the pipeline to its end in a new run directory (the first run's id was chosen by {@link #load}). */
    public RunResult run() throws RunFailedException, IOException, InterruptedException {
        PipelineConfig config = validated != null ? validated : config(newRunId());
        validated = null; // a later run gets an id of its own
        if (!engine.equals(Engines.LOCAL)) {
            return runOn(Engines.find(engine), config);
        }
        ChronicleStartup.warmInBackground(); // while the run directory is made and the stage JVMs start
        RunLayout layout = RunDirectory.createFolders(config);
        // the stage JVMs boot while the run's files are written and the supervisor gets ready
        FirstLaunches first = inProcess ? null : FirstLaunches.start(config, layout);
        try {
            return runIn(RunDirectory.writeFiles(config, layout, baseDir()), first);
        } finally {
            if (first != null) {
                first.stop(); // those no supervisor adopted: the run failed before it could
            }
        }
    }

    private RunResult runIn(RunContext run, FirstLaunches first)
            throws RunFailedException, IOException, InterruptedException {
        try (MetricsServer metrics = metricsPort < 0 ? null : MetricsServer.start("127.0.0.1", metricsPort,
                () -> PrometheusText.of(run.config(), run.counters().reader()))) {
            if (metrics != null && progress != null) {
                progress.println("metrics for Prometheus: " + metrics.url());
            }
            if (inProcess) {
                InProcessRunner runner = new InProcessRunner(run, progress);
                stopper = runner::stop;
                return runner.run();
            }
            Supervisor supervisor = new Supervisor(run, progress, first);
            stopper = supervisor::stop;
            return supervisor.run();
        } finally {
            run.counters().close();
        }
    }

    private RunResult runOn(Engine other, PipelineConfig config) throws RunFailedException, InterruptedException {
        if (inProcess) {
            throw new ConfigException("--in-process runs on the local engine only, not on " + engine);
        }
        other.validate(config);
        Thread caller = Thread.currentThread();
        stopper = caller::interrupt; // the engine cancels its job when interrupted
        try {
            return other.run(new EngineRun(config, baseDir(), engineAddress, progress));
        } finally {
            stopper = () -> { };
        }
    }

    /**
     * Continues a stopped, failed or killed run in its run directory: finished slots stay finished, the
     * others restart from their queues and snapshots, so the result is the same as an uninterrupted run's.
     */
    public static RunResult resume(Path runDirectory, PrintStream progress)
            throws RunFailedException, IOException, InterruptedException {
        return resume(runDirectory, Map.of(), progress);
    }

    /**
     * Like {@link #resume(Path, PrintStream)}, with some parameters changed (say a limit that stopped
     * the run); the rest keep the values the run started with.
     */
    public static RunResult resume(Path runDirectory, Map<String, String> changedParams, PrintStream progress)
            throws RunFailedException, IOException, InterruptedException {
        return resume(runDirectory, changedParams, null, progress);
    }

    /**
     * Like {@link #resume(Path, Map, PrintStream)}; a {@code classPath} that is not null replaces the one the
     * run started with (its {@code class-path:} still counts).
     */
    public static RunResult resume(Path runDirectory, Map<String, String> changedParams, List<String> classPath,
                                   PrintStream progress) throws RunFailedException, IOException, InterruptedException {
        RunLayout layout = new RunLayout(runDirectory.toAbsolutePath().normalize());
        if (!java.nio.file.Files.exists(layout.controlFile())) {
            throw new IOException(runDirectory + " is not a run directory: no control.dat");
        }
        LoadOptions recorded = RunProperties.read(layout);
        Map<String, String> params = new HashMap<>(recorded.params());
        params.putAll(changedParams);
        LoadOptions options = new LoadOptions(params, Map.of(), recorded.baseDir(), recorded.runId(),
                recorded.workDirOverride(), classPath != null ? classPath : recorded.classPath());
        PipelineConfig config = ConfigLoader.load(layout.pipelineYaml(), options);
        StageChecks.check(config);
        if (!changedParams.isEmpty() || classPath != null) {
            RunProperties.write(layout, config, recorded.baseDir()); // stage processes reload these
        }
        try (RunCounters counters = RunCounters.open(layout.controlFile())) {
            Optional<String> held = SupervisorPresence.heldBy(counters, System.currentTimeMillis());
            if (held.isPresent()) {
                throw new IOException("run " + layout.dir() + " cannot be resumed: " + held.get());
            }
            return new Supervisor(new RunContext(config, layout, counters), progress).run();
        }
    }

    /**
     * {@code yyyyMMdd-HHmmss-xxxx}: local time and four random hex digits, written by hand (java.time's zone rules
     * and formatter, and {@code String.format}, cost the command's start-up more than the rest of this class).
     */
    private static String newRunId() {
        return runId(System.currentTimeMillis(), ThreadLocalRandom.current().nextInt(0x10000));
    }

    /** The run id at {@code epochMillis} with {@code random} (0 to 0xffff) as its last part. */
    static String runId(long now, int random) {
        long local = now + TimeZone.getDefault().getOffset(now);
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400_000L));
        long secondOfDay = Math.floorMod(local, 86_400_000L) / 1000;
        StringBuilder id = new StringBuilder(20).append(day.getYear());
        two(id, day.getMonthValue());
        two(id, day.getDayOfMonth()).append('-');
        two(id, (int) (secondOfDay / 3600));
        two(id, (int) (secondOfDay / 60 % 60));
        two(id, (int) (secondOfDay % 60)).append('-');
        return id.append(Integer.toHexString(0x10000 | random).substring(1)).toString();
    }

    private static StringBuilder two(StringBuilder id, int value) {
        return id.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private PipelineConfig config(String runId) {
        return ConfigLoader.load(file, new LoadOptions(params, System.getenv(), baseDir(), runId, workDir, classPath));
    }

    private static Path baseDir() {
        return Path.of("").toAbsolutePath();
    }
}
