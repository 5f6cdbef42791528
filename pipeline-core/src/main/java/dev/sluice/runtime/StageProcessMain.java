package dev.sluice.runtime;

import dev.sluice.config.ConfigLoader;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.counters.RunCounters;
import dev.sluice.queue.DiskFullException;
import dev.sluice.queue.DocumentFullException;
import dev.sluice.queue.TornDocumentException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of a stage process: {@code StageProcessMain RUN_DIR STAGE WORKER SUPERVISOR_PID}. It
 * reloads the run's configuration from the run directory, runs its slot and exits 0 when the slot
 * ended, 1 when it failed (the exception is the log's last {@value #FAILURE_MARK} line).
 */
public final class StageProcessMain {
    /** Marks the line of a stage's log that names the exception it failed with. */
    public static final String FAILURE_MARK = "stage failed: ";
    /** Exit code of a failure a restart cannot mend (bad configuration or input, a record that failed under on-error: fail). */
    public static final int EXIT_FATAL = 4;
    /** Exit code of a stage stopped by a (nearly) full disk before it wrote anything torn: the run stops, resumable. */
    public static final int EXIT_DISK_FULL = 5;

    private StageProcessMain() {
    }

    private static boolean isFatal(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RecordFailedException || c instanceof dev.sluice.api.ConfigException
                    || c instanceof dev.sluice.api.BadInputException
                    || c instanceof dev.sluice.api.RecordTooLargeException || c instanceof DocumentFullException
                    || c instanceof TornDocumentException) {
                return true;
            }
        }
        return false;
    }

    /** The JVM's report of a SIGBUS in a memory-mapped file: a page the disk could not back, or a truncated file. */
    private static boolean isMappedAccessFault(Throwable t) {
        return t instanceof InternalError && String.valueOf(t.getMessage()).contains("unsafe memory access");
    }

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger(StageProcessMain.class);
        int exitCode;
        try {
            RunLayout layout = new RunLayout(Path.of(args[0]));
            String stageName = args[1];
            int worker = Integer.parseInt(args[2]);
            SupervisorWatch.start(Long.parseLong(args[3]));
            PipelineConfig config = ConfigLoader.load(layout.pipelineYaml(), RunProperties.read(layout));
            StageConfig stage = config.stage(stageName);
            log.info("starting {}-{} of pipeline {} (pid {})", stageName, worker, config.name(),
                    ProcessHandle.current().pid());
            StopSignal stop = StopSignal.install();
            dev.sluice.metrics.SlotMetrics.countWholeProcess();
            boolean finished;
            try (RunCounters counters = RunCounters.open(layout.controlFile())) {
                finished = SlotRunner.run(new RunContext(config, layout, counters), stage, worker, stop::requested);
            } finally {
                stop.stopped();
            }
            log.info(finished ? "finished {}-{}" : "stopped {}-{} (SIGTERM): resume continues from here", stageName,
                    worker);
            exitCode = 0;
        } catch (Throwable t) {
            log.error(FAILURE_MARK + t, t);
            exitCode = DiskFullException.isDiskFull(t) || isMappedAccessFault(t) ? EXIT_DISK_FULL
                    : isFatal(t) ? EXIT_FATAL : 1;
        }
        System.out.flush();
        System.exit(exitCode);
    }
}
